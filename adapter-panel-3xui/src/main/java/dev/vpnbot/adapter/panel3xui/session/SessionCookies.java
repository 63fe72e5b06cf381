package dev.vpnbot.adapter.panel3xui.session;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/** One panel's cookies: the session cookie ("3x-ui" or, before v2.3.8, "session"), kept in memory only. */
final class SessionCookies implements CookieJar {
    private final Map<String, Cookie> byName = new ConcurrentHashMap<>();

    @Override
    public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {
        for (Cookie c : cookies) {
            if (c.expiresAt() <= System.currentTimeMillis()) byName.remove(c.name());
            else byName.put(c.name(), c);
        }
    }

    @Override
    public List<Cookie> loadForRequest(HttpUrl url) {
        long now = System.currentTimeMillis();
        byName.values().removeIf(c -> c.expiresAt() <= now);
        return byName.values().stream().filter(c -> c.matches(url)).toList();
    }

    void clear() {
        byName.clear();
    }
}
