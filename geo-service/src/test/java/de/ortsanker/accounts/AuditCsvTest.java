package de.ortsanker.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit export: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
class AuditCsvTest {

    @Test
    void quotesSeparatorsAndDefusesFormulas() throws Exception {
        var event = new Audit.Event(7, OffsetDateTime.parse("2026-12-06T10:00:00Z"), "login-failed", null,
                "=HYPERLINK(\"http://evil\",\"x\")", new ObjectMapper().readTree("{\"reason\":\"wrong password\",\"failures\":2}"),
                "127.0.0.1");
        var lines = AuditCsv.write(List.of(event)).split("\r\n");
        assertThat(lines[0]).isEqualTo("id,at,event,actor,subject,detail,remote_address");
        assertThat(lines[1]).isEqualTo("7,2026-12-06T10:00Z,login-failed,,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\","
                + "\"{\"\"reason\"\":\"\"wrong password\"\",\"\"failures\"\":2}\",127.0.0.1");
        assertThat(AuditCsv.cell("-1+1")).isEqualTo("\"'-1+1\"");
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
    }
}
