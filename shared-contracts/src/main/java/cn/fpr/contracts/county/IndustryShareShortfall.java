package cn.fpr.contracts.county;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A county's share of central connection funds going to industry is below the year's minimum.
 *
 * @param countyCode       county
 * @param year             funds' year
 * @param centralFundsYuan central connection funds allocated to its projects
 * @param industryYuan     of which to industry projects
 * @param sharePercent     industry share, percent
 * @param minimumPercent   the year's minimum, percent
 * @param keyCounty        a national key county for rural revitalisation (國家鄉村振興重點幫扶縣)
 * @param announcedOn      date of the check
 */
public record IndustryShareShortfall(String countyCode, int year, BigDecimal centralFundsYuan, BigDecimal industryYuan,
                                     BigDecimal sharePercent, BigDecimal minimumPercent, boolean keyCounty, LocalDate announcedOn)
        implements CountyEvent {
}
