package dev.vpnbot.domain.key;

import java.util.List;

/** What a screen shows of a key's locations: the name of each listed location, in placement order. */
public record KeyLocations(List<String> names) {
    public KeyLocations {
        names = List.copyOf(names);
    }

    /** "Frankfurt, Helsinki": the names joined, or the fallback when there is none yet. */
    public String joined(String fallback) {
        return names.isEmpty() ? fallback : String.join(", ", names);
    }
}
