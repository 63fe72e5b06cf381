package dev.vpnbot.adapter.panel3xui.fake;

import static dev.vpnbot.adapter.panel3xui.fake.Exchange.NODES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings page's API tokens, v3.0.2 and later: list and create
 * (MHSanaei/3x-ui@v3.6.0:internal/web/controller/setting.go#L74-L75, #L218-L247;
 * the service: internal/web/service/panel/api_token.go#L59-L87). The group moved:
 * {@code panel/setting/...} behind checkLogin + CSRF on v3.0.2 – v3.2.x (v3.2.8:web/controller/xui.go#L53),
 * {@code panel/api/setting/...} behind the API gate from v3.3.0 (v3.3.0:web/controller/api.go#L87).
 * A created token authenticates {@code Authorization: Bearer <token>} (v3.6.0:internal/web/controller/api.go#L49-L58).
 */
final class ApiTokenRoutes {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"; // random.Seq
    private static final int TOKEN_LENGTH = 48; // api_token.go#L17

    private final FakeThreeXuiPanel panel;
    private final SecureRandom random = new SecureRandom();
    /** name → plaintext; the real panel keeps only the SHA-256, which changes nothing on the wire. */
    private final Map<String, String> tokens = new LinkedHashMap<>();

    ApiTokenRoutes(FakeThreeXuiPanel panel) {
        this.panel = panel;
    }

    /** Whether {@code panel/api/setting/...} carries the routes at this profile. */
    static boolean underApi(Profile p) {
        return p.ordinal() >= Profile.V3_3.ordinal();
    }

    /** Routes outside /panel/api: true when answered. */
    boolean handleUi(Exchange r, SessionRoutes sessions) throws IOException {
        Profile p = panel.profile();
        if (!p.isV3() || underApi(p) || !r.route.startsWith("panel/setting/apiTokens")) return false;
        if (!sessions.uiAuthorised(r)) return true;
        return answer(r, r.route.substring("panel/".length()));
    }

    /** Routes under /panel/api (already past the gate): true when answered. */
    boolean handleApi(Exchange r, String route) throws IOException {
        if (!underApi(panel.profile()) || !route.startsWith("setting/apiTokens")) return false;
        return answer(r, route);
    }

    private boolean answer(Exchange r, String route) throws IOException {
        if (route.equals("setting/apiTokens") && r.is("GET")) {
            r.ok("", list());
            return true;
        }
        if (route.equals("setting/apiTokens/create") && r.is("POST")) {
            create(r);
            return true;
        }
        return false;
    }

    boolean matches(String presented) {
        synchronized (tokens) {
            return !presented.isEmpty() && tokens.containsValue(presented);
        }
    }

    int count() {
        synchronized (tokens) {
            return tokens.size();
        }
    }

    private void create(Exchange r) throws IOException {
        String name = r.field("name").strip();
        String refusal = name.isEmpty() ? "token name is required"
                : name.length() > 64 ? "token name must be 64 characters or fewer" : null;
        String plaintext;
        int id;
        synchronized (tokens) {
            if (refusal == null && tokens.containsKey(name)) refusal = "a token with that name already exists";
            if (refusal != null) {
                r.fail(panel.profile().failure("The parameters have been changed.", refusal)); // pages.settings.toasts.modifySettings
                return;
            }
            plaintext = randomToken();
            tokens.put(name, plaintext);
            id = tokens.size();
        }
        ObjectNode view = view(id, name);
        view.put("token", plaintext); // shown once, at creation (api_token.go#L84-L86)
        r.ok("", view);
    }

    private ArrayNode list() {
        ArrayNode all = NODES.arrayNode();
        synchronized (tokens) {
            int id = 0;
            for (String name : tokens.keySet()) all.add(view(++id, name)); // never the token (api_token.go#L33-L43)
        }
        return all;
    }

    private ObjectNode view(int id, String name) {
        ObjectNode v = NODES.objectNode(); // ApiTokenView, api_token.go#L19-L25
        v.put("id", id);
        v.put("name", name);
        v.put("enabled", true);
        v.put("createdAt", panel.now().getEpochSecond());
        return v;
    }

    private String randomToken() {
        StringBuilder s = new StringBuilder(TOKEN_LENGTH);
        for (int i = 0; i < TOKEN_LENGTH; i++) s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return s.toString();
    }
}
