package cn.fpr.industry.project;

import cn.fpr.contracts.FundSource;
import cn.fpr.platform.outbox.AggregateRoot;
import cn.fpr.platform.rules.RuleBroken;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** East–west aid received by a county in a year (from cooperation's funds-allocated), and what was drawn for projects. */
@Document("fund_pools")
public class FundPool extends AggregateRoot {

    /** Money in, from one transfer. */
    public record Receipt(String allocationId, String pairingId, BigDecimal amountYuan, String purpose) {
    }

    /** Money out, to one project, once per reference. */
    public record Draw(String reference, String projectId, BigDecimal amountYuan) {
    }

    @Id
    private String id;
    private String countyCode;
    private int year;
    private FundSource source;
    private List<Receipt> receipts = new ArrayList<>();
    private List<Draw> draws = new ArrayList<>();

    @PersistenceCreator
    FundPool() {
    }

    public FundPool(String countyCode, int year) {
        this.id = idOf(countyCode, year);
        this.countyCode = countyCode;
        this.year = year;
        this.source = FundSource.EAST_WEST_AID;
    }

    public static String idOf(String countyCode, int year) {
        return countyCode + ":" + year + ":" + FundSource.EAST_WEST_AID;
    }

    public void receive(Receipt receipt) {
        if (receipts.stream().noneMatch(r -> r.allocationId().equals(receipt.allocationId()))) {
            receipts.add(receipt);
        }
    }

    public void draw(Draw draw) {
        if (draws.stream().anyMatch(d -> d.reference().equals(draw.reference()))) {
            return;
        }
        if (available().compareTo(draw.amountYuan()) < 0) {
            throw new RuleBroken("amountYuan", "only " + available() + " yuan of east–west aid is left for " + countyCode + " in " + year);
        }
        draws.add(draw);
    }

    public BigDecimal received() {
        return receipts.stream().map(Receipt::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal available() {
        return received().subtract(draws.stream().map(Draw::amountYuan).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public String countyCode() { return countyCode; }
    public int year() { return year; }
    public List<Receipt> receipts() { return List.copyOf(receipts); }
    public List<Draw> draws() { return List.copyOf(draws); }
}
