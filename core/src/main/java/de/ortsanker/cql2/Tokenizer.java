package de.ortsanker.cql2;

import java.util.ArrayList;
import java.util.List;

/** Splits CQL2 text into tokens, each with its position for error messages. */
final class Tokenizer {

    enum Kind { WORD, QUOTED_WORD, STRING, NUMBER, OPERATOR, OPEN, CLOSE, COMMA, END }

    record Token(Kind kind, String text, int position) {
        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        String describe() {
            return switch (kind) {
                case END -> "the end of the filter";
                case STRING -> "'" + text + "'";
                case QUOTED_WORD -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private final String text;
    private int pos;

    private Tokenizer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        return new Tokenizer(text).all();
    }

    private List<Token> all() {
        var tokens = new ArrayList<Token>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                tokens.add(new Token(Kind.END, "", pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                return new Token(Kind.OPEN, "(", start);
            }
            case ')' -> {
                pos++;
                return new Token(Kind.CLOSE, ")", start);
            }
            case ',' -> {
                pos++;
                return new Token(Kind.COMMA, ",", start);
            }
            case '\'' -> {
                return string(start);
            }
            case '"' -> {
                return quotedWord(start);
            }
            case '=' -> {
                pos++;
                return new Token(Kind.OPERATOR, "=", start);
            }
            case '<', '>' -> {
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '=' || c == '<' && text.charAt(pos) == '>')) {
                    pos++;
                }
                return new Token(Kind.OPERATOR, text.substring(start, pos), start);
            }
            default -> {
            }
        }
        if (Character.isDigit(c) || (c == '-' || c == '+' || c == '.') && startsNumber(pos + 1)) {
            return number(start);
        }
        if (isWordStart(c)) {
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return new Token(Kind.WORD, text.substring(start, pos), start);
        }
        if ("+-*/^%".indexOf(c) >= 0) {
            throw error(start, "arithmetic ('" + c + "') is not supported in filters");
        }
        if (c == '[' || c == ']') {
            throw error(start, "write arrays in parentheses, e.g. ('a', 'b'), not brackets");
        }
        throw error(start, "unexpected character '" + c + "'");
    }

    private boolean startsNumber(int at) {
        return at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.');
    }

    private Token number(int start) {
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && isWordStart(text.charAt(pos))) {
            throw error(start, "'" + text.substring(start, pos + 1) + "…' is neither a number nor a name");
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), start);
    }

    private Token string(int start) {
        var sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    sb.append('\'');
                    pos++;
                } else {
                    return new Token(Kind.STRING, sb.toString(), start);
                }
            } else {
                sb.append(c);
            }
        }
        throw error(start, "the text starting here is not closed with '");
    }

    private Token quotedWord(int start) {
        int end = text.indexOf('"', start + 1);
        if (end < 0) {
            throw error(start, "the name starting here is not closed with \"");
        }
        pos = end + 1;
        return new Token(Kind.QUOTED_WORD, text.substring(start + 1, end), start);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || Character.isDigit(c) || c == '.'
                || Character.getType(c) == Character.NON_SPACING_MARK || c == '\u203F' || c == '\u2040';
    }

    static Cql2Exception error(int position, String message) {
        return new Cql2Exception(message + " (at character " + (position + 1) + ")");
    }
}
