package dev.sensevoice;

import dev.sensevoice.cli.SenseVoiceCommand;

/** Builds the command line and exits with its code; nothing else. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SenseVoiceCommand.commandLine().execute(args));
    }
}
