package vn.egov.tenantadmin.pages;

import vn.egov.platform.web.desk.DeskFrame;

/** The attributes of the unit administration's inputs beyond name, value and message (for the templates). */
public final class Fields {
    public static final DeskFrame.Attributes NONE = DeskFrame.attributes("");
    public static final DeskFrame.Attributes REQUIRED = DeskFrame.attributes("required");
    public static final DeskFrame.Attributes USERNAME = DeskFrame.attributes("required autocomplete=\"off\" spellcheck=\"false\"");
    public static final DeskFrame.Attributes NAME = DeskFrame.attributes("required maxlength=\"200\"");
    public static final DeskFrame.Attributes UNIT_NAME = DeskFrame.attributes("required maxlength=\"200\" autocomplete=\"off\"");
    public static final DeskFrame.Attributes CODE = DeskFrame.attributes("maxlength=\"63\" autocomplete=\"off\" spellcheck=\"false\"");
    public static final DeskFrame.Attributes GSO = DeskFrame.attributes("inputmode=\"numeric\" maxlength=\"5\"");
    public static final DeskFrame.Attributes DOMAIN = DeskFrame.attributes("spellcheck=\"false\"");
    public static final DeskFrame.Attributes SHORT = DeskFrame.attributes("maxlength=\"60\"");
    public static final DeskFrame.Attributes ADDRESS = DeskFrame.attributes("maxlength=\"300\"");
    public static final DeskFrame.Attributes PHONE = DeskFrame.attributes("type=\"tel\" maxlength=\"40\"");
    public static final DeskFrame.Attributes EMAIL = DeskFrame.attributes("type=\"email\"");
    public static final DeskFrame.Attributes TEXT_200 = DeskFrame.attributes("maxlength=\"200\"");
    public static final DeskFrame.Attributes NOTE = DeskFrame.attributes("maxlength=\"500\"");

    private Fields() {
    }
}
