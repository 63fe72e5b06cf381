package dev.vpnbot.adapter.panel3xui.fake;

import dev.vpnbot.adapter.panel3xui.fake.FakeThreeXuiPanel.Profile;

/**
 * The en-US toasts the handlers put in front of an error or return on success, per tag:
 * web/translation/translate.en_US.toml (v2.x), web/translation/en-US.json (v3.0.2, v3.1.0),
 * internal/web/translation/en-US.json (v3.6.0).
 */
final class Toasts {

    private Toasts() {}

    static String text(Profile p, String key) {
            if (p == Profile.V2_4) { // v2.4.11 handlers pass literals or old keys (web/controller/inbound.go#L172-L324)
                return switch (key) {
                    case "somethingWentWrong" -> "Something went wrong!";
                    case "pages.inbounds.toasts.inboundUpdateSuccess" -> "Update";
                    case "pages.inbounds.toasts.inboundCreateSuccess" -> "Create";
                    case "pages.inbounds.toasts.inboundDeleteSuccess" -> "Delete";
                    case "pages.inbounds.toasts.inboundClientAddSuccess" -> "Client(s) added";
                    case "pages.inbounds.toasts.inboundClientUpdateSuccess" -> "Client updated";
                    case "pages.inbounds.toasts.inboundClientDeleteSuccess" -> "Client deleted";
                    case "pages.inbounds.toasts.trafficGetError" -> "Error getting traffics";
                    case "pages.inbounds.toasts.resetInboundClientTrafficSuccess" -> "Traffic has been reset";
                    case "pages.inbounds.toasts.delDepletedClientsSuccess" -> "All depleted clients are deleted";
                    default -> key;
                };
            }
            return switch (key) {
                case "somethingWentWrong" -> "Something went wrong";
                case "pages.inbounds.toasts.inboundUpdateSuccess" -> "Inbound has been successfully updated.";
                case "pages.inbounds.toasts.inboundCreateSuccess" -> "Inbound has been successfully created.";
                case "pages.inbounds.toasts.inboundDeleteSuccess" -> "Inbound has been successfully deleted.";
                case "pages.inbounds.toasts.inboundClientAddSuccess" -> "Inbound client(s) have been added.";
                case "pages.inbounds.toasts.inboundClientUpdateSuccess" -> "Inbound client has been updated.";
                case "pages.inbounds.toasts.inboundClientDeleteSuccess" -> "Inbound client has been deleted.";
                case "pages.inbounds.toasts.trafficGetError" -> p.hasClientsApi() ? "Error getting traffic." : "Error getting traffics.";
                case "pages.inbounds.toasts.resetInboundClientTrafficSuccess" -> "Traffic has been reset.";
                case "pages.inbounds.toasts.delDepletedClientsSuccess" ->
                        p.hasClientsApi() ? "All depleted clients have been deleted." : "All depleted clients are deleted.";
                default -> key;
            };
        }
}
