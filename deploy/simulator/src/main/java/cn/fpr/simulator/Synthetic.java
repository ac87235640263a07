package cn.fpr.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic households: made-up members with well-formed (check-character valid) ID numbers. */
public final class Synthetic {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final Random random;

    public Synthetic(Random random) {
        this.random = random;
    }

    /** A registration body for the monitoring service's {@code POST /api/v1/households}. */
    public Map<String, Object> household(Counties.County county, int sequence) {
        int township = random.nextInt(5);
        Map<String, Object> region = Map.of("provinceCode", county.provinceCode(), "countyCode", county.code(),
                "townshipCode", county.township(township), "villageCode", county.township(township) + String.format("%03d", 201 + random.nextInt(8)));
        List<Map<String, Object>> members = new ArrayList<>();
        int adults = 1 + random.nextInt(2);
        for (int i = 0; i < adults; i++) {
            LocalDate born = LocalDate.of(1965 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(28));
            members.add(member(idNumber(county.code(), born, sequence * 10 + i), i == 0 ? "HEAD" : "SPOUSE",
                    random.nextInt(10) < 8 ? "FULL" : "WEAK_OR_HALF", List.of(SKILLS[random.nextInt(SKILLS.length)])));
        }
        int children = random.nextInt(3);
        for (int i = 0; i < children; i++) {
            LocalDate born = LocalDate.of(2008 + random.nextInt(15), 1 + random.nextInt(12), 1 + random.nextInt(28));
            members.add(member(idNumber(county.code(), born, sequence * 10 + 5 + i), "CHILD", "NONE", List.of()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("liftedFromPoverty", random.nextInt(10) < 7);
        body.put("annualNetIncomeYuan", members.size() * (9000 + random.nextInt(9000)));
        body.put("responsibleCadre", "cadre-" + county.code() + "-" + township);
        body.put("members", members);
        return body;
    }

    private static final String[] SKILLS = {"masonry", "farming", "cooking", "driving", "sewing", "electrician", "care work"};

    private static Map<String, Object> member(String idNumber, String relation, String labour, List<String> skills) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("idNumber", idNumber);
        member.put("relation", relation);
        member.put("labourCapacity", labour);
        member.put("skills", skills);
        member.put("medicallyInsured", true);
        member.put("pensionInsured", !"CHILD".equals(relation));
        return member;
    }

    /** An 18-character resident ID number (GB 11643-1999) with a valid check character. */
    static String idNumber(String countyCode, LocalDate born, int sequence) {
        String first17 = countyCode + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                + String.format("%03d", Math.floorMod(sequence, 1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }
}
