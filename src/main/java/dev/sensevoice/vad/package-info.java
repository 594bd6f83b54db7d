/** Voice activity detection and segmentation: Silero v5, energy, none; maximum length and merging. */
package dev.sensevoice.vad;
