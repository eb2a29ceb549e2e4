package vn.egov.dossiers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void theOnTimeRateCountsEarlyAndOnTimeResultsAndIsAbsentWithoutResults() {
        assertEquals(new BigDecimal("66.7"), new Statistics.Row(1, "xa", "Xã", 5, 3, 1, 1, 1, 0, 0, 2, 0).onTimeRate());
        assertNull(new Statistics.Row(1, "xa", "Xã", 5, 0, 0, 0, 0, 0, 0, 5, 1).onTimeRate());
    }

    @Test
    void theCsvHasOneLinePerUnitAndTheTotalInTheReadersWordsWithAByteOrderMark() throws Exception {
        Statistics.Row a = new Statistics.Row(1, "xa-a", "Xã Quang Kim", 10, 4, 2, 1, 1, 1, 0, 5, 2);
        Statistics.Row b = new Statistics.Row(2, "xa-b", "Xã Bản Qua, \"mới\"", 3, 2, 0, 2, 0, 0, 1, 0, 0);
        Statistics.Report report = new Statistics.Report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), List.of(a, b),
                new Statistics.Row(0, "", "Tổng cộng", 0, 0, 0, 0, 0, 0, 0, 0, 0).plus(a).plus(b));
        String csv = Statistics.csv(report, Wording.in(java.util.Locale.forLanguageTag("vi")));
        assertTrue(csv.startsWith("\uFEFFMã đơn vị,Đơn vị,"), csv);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
        assertEquals(3, rows.size());
        assertEquals("Xã Bản Qua, \"mới\"", rows.get(1).get("Đơn vị"), "quoted as CSV quotes");
        assertEquals("01/01/2026", rows.get(0).get("Từ ngày"));
        assertEquals("75.0", rows.get(0).get("Tỷ lệ đúng hạn (%)"));
        assertEquals("Tổng cộng", rows.get(2).get("Đơn vị"));
        assertEquals("13", rows.get(2).get("Tiếp nhận"));
        assertEquals("83.3", rows.get(2).get("Tỷ lệ đúng hạn (%)"), "(2+1+0+2) of 6 results");
        // in English: the columns and the total row in its words, the figures and the units' names the same
        String english = Statistics.csv(report, Wording.in(java.util.Locale.ENGLISH));
        List<CSVRecord> en = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(english.substring(1))).getRecords();
        assertEquals("Total", en.get(2).get("Unit"));
        assertEquals("Xã Quang Kim", en.get(0).get("Unit"));
        assertEquals("83.3", en.get(2).get("On-time rate (%)"));
    }
}
