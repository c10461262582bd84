package dev.listwire.terraform;

import java.util.List;

/** Whether the HCL says why, in a comment, next to where it does something unusual. */
final class Comments {

    private Comments() {}

    /** A comment that mentions what AWS requires, within the five lines above a line containing {@code text}. */
    static boolean justify(Module module, String text) {
        for (Hcl.File file : module.files()) {
            List<String> lines = file.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text) && explained(lines, i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean explained(List<String> lines, int at) {
        for (int i = Math.max(0, at - 5); i < at; i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("#") && line.contains("AWS requires")) {
                return true;
            }
        }
        return false;
    }
}
