package dev.vpnbot.application.port.out.admin;

import java.nio.file.Path;

/** Outgoing port: where backups are delivered (the admins' chat). */
public interface BackupChannel {

    /** Sends the file with a caption; throws {@link Undeliverable} saying why a chat did not take it. */
    void send(Path file, String caption);

    /** The chat cannot be posted to (unknown chat, the bot not in it or not allowed, the file refused). */
    final class Undeliverable extends RuntimeException {
        public Undeliverable(String message) {
            super(message);
        }
    }
}
