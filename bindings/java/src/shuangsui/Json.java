package shuangsui;

/** Writing JSON strings, and reading answers through the native library's selectors. */
final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {}

    /**
     * Appends a string as a JSON string: quote, backslash and the control characters
     * U+0000–U+001F escaped, everything else as it is (the native side encodes the request as
     * UTF-8, and refuses an unpaired surrogate).
     */
    static void quote(StringBuilder out, String s) {
        out.append('"');
        int length = s.length();
        int plain = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        out.append(s, plain, length);
        out.append('"');
    }

    /** A string as a JSON string. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(out, s);
        return out.toString();
    }

    /** The first string a selection holds, or null. */
    static String first(String[] picked) {
        return picked.length == 0 ? null : picked[0];
    }
}
