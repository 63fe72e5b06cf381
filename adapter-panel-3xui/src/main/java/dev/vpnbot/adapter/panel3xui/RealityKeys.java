package dev.vpnbot.adapter.panel3xui;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.util.Base64;

/**
 * An X25519 key pair for Reality, in Xray's encoding (unpadded URL-safe base64 of the raw
 * 32 bytes). The panel's own generator is preferred; this one is for panels without it.
 */
record RealityKeys(String privateKey, String publicKey) {

    RealityKeys {
        if (privateKey == null || privateKey.isBlank() || publicKey == null || publicKey.isBlank()) {
            throw new IllegalArgumentException("a Reality key pair needs both keys");
        }
    }

    static RealityKeys generateLocally() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar().orElseThrow();
            scalar[0] &= (byte) 248; // the clamping Xray's own "x25519" command applies
            scalar[31] &= 127;
            scalar[31] |= 64;
            byte[] u = littleEndian(((XECPublicKey) pair.getPublic()).getU());
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new RealityKeys(b64.encodeToString(scalar), b64.encodeToString(u));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 missing from the JDK", e);
        }
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] big = value.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < 32 && i < big.length; i++) out[i] = big[big.length - 1 - i];
        return out;
    }

    @Override
    public String toString() {
        return "RealityKeys[publicKey=" + publicKey + ", privateKey=***]";
    }
}
