/** The picocli commands: parse, validate, call a plain Java API, return an exit code. The only printers. */
package dev.sensevoice.cli;
