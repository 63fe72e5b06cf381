package dev.vpnbot.adapter.telegram.admin.apps;

import dev.vpnbot.domain.app.ImportTemplate;
import dev.vpnbot.domain.app.VpnApp;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An app as an admin types it, one field a line: the code (new apps only), the name, the store
 * link and the import template ("-" for none). Checked with the domain's own rules, so the admin
 * reads what is wrong in their language before anything reaches the use case.
 */
record AppLines(String code, String name, String storeUrl, String template, Problem problem) {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    /** A text key and its arguments. */
    record Problem(String key, Object... args) {}

    /** @param code the app's code when editing (then the lines hold no code), null when adding */
    static AppLines read(String typed, String code) {
        List<String> lines = Arrays.stream(typed.strip().split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        int expected = code == null ? 4 : 3;
        if (lines.size() != expected) return failed("admin.apps.lines", expected, lines.size());
        int i = 0;
        String appCode = code == null ? lines.get(i++) : code;
        String name = lines.get(i++);
        String store = lines.get(i++);
        String template = lines.get(i).equals("-") ? null : lines.get(i);
        if (!CODE.matcher(appCode).matches()) return failed("admin.apps.bad_code");
        if (name.length() > VpnApp.MAX_NAME) return failed("admin.apps.bad_name", VpnApp.MAX_NAME);
        if (!VpnApp.isStoreLink(store)) return failed("admin.apps.bad_store");
        if (template != null) {
            var problem = ImportTemplate.problem(template);
            if (problem.isPresent()) {
                return failed("admin.apps.template." + problem.get().name().toLowerCase(java.util.Locale.ROOT), ImportTemplate.schemeOf(template));
            }
        }
        return new AppLines(appCode, name, store, template, null);
    }

    private static AppLines failed(String key, Object... args) {
        return new AppLines(null, null, null, null, new Problem(key, args));
    }
}
