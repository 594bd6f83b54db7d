/** Model files and flavours, metadata, tokens, devices and the one ONNX Runtime session (contract §1, §3). */
package dev.sensevoice.model;
