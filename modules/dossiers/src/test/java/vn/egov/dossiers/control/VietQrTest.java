package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VietQrTest {

    @Test
    void theChecksumIsCrc16CcittFalse() {
        // the catalogue check value of CRC-16/CCITT-FALSE
        assertEquals(0x29B1, VietQr.crc16("123456789".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void thePayloadCarriesTheBankTheAccountTheAmountAndTheReferenceAndChecksItself() {
        String p = VietQr.payload("970405", "3511000000001", 50_000, "HS12345");
        assertTrue(p.startsWith("000201010212"), p);
        assertTrue(p.contains("0010A000000727") && p.contains("0006970405") && p.contains("01133511000000001") && p.contains("0208QRIBFTTA"), p);
        assertTrue(p.contains("5303704") && p.contains("540550000") && p.contains("5802VN") && p.contains("62110807HS12345"), p);
        String body = p.substring(0, p.length() - 4);
        assertTrue(body.endsWith("6304"));
        assertEquals(String.format("%04X", VietQr.crc16(body.getBytes(StandardCharsets.US_ASCII))), p.substring(p.length() - 4));
    }
}
