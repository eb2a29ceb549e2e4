package vn.egov.platform.web.pages;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CSS and JavaScript files of the platform and the modules, served under an address that holds a hash of their
 * content ({@code /assets/platform/bare.3f9a1c2e7b.css}), so that browsers keep them a year and a new version is a new
 * address. A file {@code <area>/<name>} is the class-path resource {@code vn/egov/assets/<area>/<name>}: the
 * platform's area is {@code platform}, a module's is its name.
 */
public final class Assets {
    public static final String PREFIX = "/assets/";
    private static final String ROOT = "vn/egov/assets/";
    private static final ConcurrentHashMap<String, Asset> BY_NAME = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Asset> BY_PATH = new ConcurrentHashMap<>();

    /** A file's bytes, its type and the hashed path it is served at. */
    public record Asset(String name, String path, String contentType, byte[] bytes) {
    }

    private Assets() {
    }

    /** The hashed address of {@code name} ({@code "platform/bare.css"}); fails if there is no such file. */
    public static String url(String name) {
        return PREFIX + load(name).path();
    }

    /** The file served at {@code path} (what follows {@value #PREFIX}), if it is one of ours at its current hash. */
    public static Optional<Asset> served(String path) {
        Asset known = BY_PATH.get(path);
        if (known != null) {
            return Optional.of(known);
        }
        // not asked for by a page yet (a cold node serving a page another node rendered): derive the name back
        int dot = path.lastIndexOf('.');
        int hashDot = dot < 0 ? -1 : path.lastIndexOf('.', dot - 1);
        if (hashDot < 0 || path.contains("..")) {
            return Optional.empty();
        }
        String name = path.substring(0, hashDot) + path.substring(dot);
        try {
            Asset asset = load(name);
            return asset.path().equals(path) ? Optional.of(asset) : Optional.empty();
        } catch (IllegalArgumentException none) {
            return Optional.empty();
        }
    }

    private static Asset load(String name) {
        return BY_NAME.computeIfAbsent(name, n -> {
            if (!n.matches("[a-z0-9-]+/[a-z0-9._-]+\\.(css|js)") || n.contains("..")) {
                throw new IllegalArgumentException("not an asset name: " + n);
            }
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(ROOT + n)) {
                if (in == null) {
                    throw new IllegalArgumentException("no asset " + n);
                }
                byte[] bytes = in.readAllBytes();
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
                int dot = n.lastIndexOf('.');
                String path = n.substring(0, dot) + "." + hash + n.substring(dot);
                String type = n.endsWith(".css") ? "text/css;charset=utf-8" : "text/javascript;charset=utf-8";
                Asset asset = new Asset(n, path, type, bytes);
                BY_PATH.put(path, asset);
                return asset;
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("asset " + n + " unreadable", e);
            }
        });
    }
}
