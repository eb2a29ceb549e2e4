package vn.egov.dossiers.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class S10Test {

    @Test
    void theCheckDigitFollowsTheS10Rule() {
        // weights 8 6 4 2 3 5 9 7: 4·8+7·6+3·4+1·2+2·3+4·5+8·9+2·7 = 200; 200 mod 11 = 2; 11 − 2 = 9
        assertEquals(9, PostAdapter.S10.checkDigit("47312482"));
        assertEquals("EB473124829VN", PostAdapter.S10.of("EB", 47312482));
        assertTrue(PostAdapter.S10.valid("EB473124829VN"));
        assertFalse(PostAdapter.S10.valid("EB473124828VN"), "a wrong check digit");
        assertFalse(PostAdapter.S10.valid("eb473124829VN"));
        assertEquals(5, PostAdapter.S10.checkDigit("00000000"), "a remainder of 0 gives 5");
        assertEquals(0, PostAdapter.S10.checkDigit("00000008"), "8·7 = 56, remainder 1: 11 − 1 = 10 gives 0");
    }
}
