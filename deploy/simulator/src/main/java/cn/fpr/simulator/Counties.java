package cn.fpr.simulator;

import java.util.List;

/**
 * Western counties the simulation lives in: real division codes, several of them national key
 * counties for rural revitalisation (國家鄉村振興重點幫扶縣). An illustrative subset, not the official
 * list of 160.
 */
public final class Counties {

    public record County(String code, String name, boolean keyCounty) {

        public String provinceCode() {
            return code.substring(0, 2) + "0000";
        }

        public String township(int n) {
            return code + String.format("%03d", 100 + n);
        }
    }

    public static final List<County> ALL = List.of(
            new County("520526", "威宁彝族回族苗族自治县", true),
            new County("520527", "赫章县", true),
            new County("522327", "册亨县", true),
            new County("522632", "榕江县", true),
            new County("451228", "都安瑶族自治县", true),
            new County("451229", "大化瑶族自治县", true),
            new County("530627", "镇雄县", true),
            new County("513431", "昭觉县", true),
            new County("622926", "东乡族自治县", true),
            new County("520402", "西秀区", false));

    private Counties() {
    }
}
