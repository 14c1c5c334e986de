package dev.tollgate.session.config;

/** The {@code SameSite} attribute of the session cookies. */
public enum SameSite {
    LAX("Lax"),
    STRICT("Strict"),
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The value as written into a {@code Set-Cookie} header, e.g. {@code Lax}. */
    public String attributeValue() {
        return attributeValue;
    }
}
