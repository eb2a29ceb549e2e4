package vn.egov.dossiers.control;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The payment code a banking app scans: an EMVCo merchant-presented QR payload in the VietQR form (NAPAS's
 * identifier, the beneficiary bank's BIN and account, a transfer to an account, Vietnamese đồng, the amount, the
 * reference in the purpose field, and a CRC-16/CCITT-FALSE checksum).
 */
public final class VietQr {
    static final String NAPAS = "A000000727";

    private VietQr() {
    }

    public static String payload(String bankBin, String account, long amount, String reference) {
        Objects.requireNonNull(bankBin, "bankBin");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(reference, "reference");
        String beneficiary = tlv("00", bankBin) + tlv("01", account);
        String merchant = tlv("00", NAPAS) + tlv("01", beneficiary) + tlv("02", "QRIBFTTA");
        String body = tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", "704") + tlv("54", Long.toString(amount))
                + tlv("58", "VN") + tlv("62", tlv("08", reference)) + "6304";
        return body + String.format("%04X", crc16(body.getBytes(StandardCharsets.US_ASCII)));
    }

    static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("an EMV field holds at most 99 characters: " + id);
        }
        return id + String.format("%02d", value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
    public static int crc16(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }
}
