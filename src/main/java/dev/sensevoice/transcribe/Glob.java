package dev.sensevoice.transcribe;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A glob expanded by the program (so it works the same in every shell, and in @lists): {@code *}
 * and {@code ?} within one folder name, {@code **} across folders ({@code a/**}{@code /b} also
 * matches {@code a/b}). Its fixed prefix, the leading folders without wildcards, is where the walk
 * starts and what output paths are relative to.
 */
record Glob(String prefix, Pattern pattern, boolean deep, int depth) {

    static boolean looksLikeGlob(String argument) {
        return argument.indexOf('*') >= 0 || argument.indexOf('?') >= 0;
    }

    static Glob parse(String argument) {
        String[] parts = argument.split("/", -1);
        int fixed = 0;
        while (fixed < parts.length - 1 && !looksLikeGlob(parts[fixed])) {
            fixed++;
        }
        List<String> rest = new ArrayList<>(List.of(parts).subList(fixed, parts.length));
        String prefix = String.join("/", List.of(parts).subList(0, fixed));
        if (prefix.isEmpty() && argument.startsWith("/")) {
            prefix = "/";
        }
        return new Glob(prefix, Pattern.compile(regex(rest)), rest.contains("**") || argument.contains("**"),
                rest.size());
    }

    /** True when {@code relative} (folders separated by '/') is matched. */
    boolean matches(String relative) {
        return pattern.matcher(relative).matches();
    }

    private static String regex(List<String> segments) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.equals("**")) {
                re.append(last ? ".*" : "(?:[^/]+/)*");
            } else {
                re.append(segmentRegex(segment)).append(last ? "" : "/");
            }
        }
        return re.toString();
    }

    private static String segmentRegex(String segment) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : segment.toCharArray()) {
            if (c == '*' || c == '?') {
                re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(c == '*' ? "[^/]*" : "[^/]");
            } else {
                literal.append(c);
            }
        }
        return re.append(Pattern.quote(literal.toString())).toString().replace("\\Q\\E", "");
    }
}
