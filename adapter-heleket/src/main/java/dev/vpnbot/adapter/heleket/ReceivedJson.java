package dev.vpnbot.adapter.heleket;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON document exactly as it was received: object members in their order and numbers as
 * their original text. That is what a webhook signature is computed over, so nothing here
 * may normalise (no maps that sort, no doubles).
 */
sealed interface ReceivedJson {

    record Member(String name, ReceivedJson value) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    record Obj(List<Member> members) implements ReceivedJson {
        public Obj {
            members = List.copyOf(members);
        }

        public Optional<ReceivedJson> get(String name) {
            return members.stream().filter(m -> m.name().equals(name)).map(Member::value).findFirst();
        }

        /** The same object without the named member, order of the rest kept. */
        public Obj without(String name) {
            return new Obj(members.stream().filter(m -> !m.name().equals(name)).toList());
        }
    }

    record Arr(List<ReceivedJson> items) implements ReceivedJson {
        public Arr {
            items = List.copyOf(items);
        }
    }

    record Str(String value) implements ReceivedJson {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number as written, e.g. "15.00" or "1.0e+25": re-encoding writes this text back unchanged. */
    record Num(String lexeme) implements ReceivedJson {
        public Num {
            Objects.requireNonNull(lexeme, "lexeme");
        }
    }

    record Bool(boolean value) implements ReceivedJson {}

    record Null() implements ReceivedJson {}

    /** Not JSON, or JSON we refuse (duplicate keys, trailing data, too deep). */
    final class Malformed extends Exception {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // which of two "sign"s would PHP keep? refuse instead
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** Parses UTF-8 bytes (invalid UTF-8 is refused) into an order-keeping tree. */
    static ReceivedJson parse(byte[] body) throws Malformed {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new Malformed("empty body", null);
            ReceivedJson value = read(parser, first);
            if (parser.nextToken() != null) throw new Malformed("data after the JSON value", null);
            return value;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new Malformed(e.getOriginalMessage() + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
        } catch (IOException e) {
            throw new Malformed(e.getMessage(), e);
        }
    }

    private static ReceivedJson read(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                List<Member> members = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String name = parser.currentName();
                    members.add(new Member(name, read(parser, parser.nextToken())));
                }
                yield new Obj(members);
            }
            case START_ARRAY -> {
                List<ReceivedJson> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    items.add(read(parser, t));
                }
                yield new Arr(items);
            }
            case VALUE_STRING -> new Str(parser.getText());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Num(parser.getText()); // the lexeme, not a double
            case VALUE_TRUE -> new Bool(true);
            case VALUE_FALSE -> new Bool(false);
            case VALUE_NULL -> new Null();
            default -> throw new IOException("unexpected " + token);
        };
    }
}
