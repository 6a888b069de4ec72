package org.sandiq.ingest;

import java.util.List;
import java.util.Random;

/**
 * Pages whose main content is tables, made the way such sites make them: a long reception log of
 * radio stations in monthly tables (hundreds of KB of short cells: dates, times, frequencies,
 * station and place names, a few longer remarks), a Chinese job listing inside an old-style layout
 * table, and, for contrast, a news article laid out with a table that also holds a small table of
 * figures. Each page has its site's template around it: menus, a sidebar, a footer. Built from a
 * fixed seed, so every run sees the same pages.
 */
final class TablePages {
  /** A place name that occurs once in the log, in a short cell of its own. */
  static final String LOG_PLACE = "Mingəçevir";

  /** A station name that occurs once in the log, in a short cell of its own. */
  static final String LOG_STATION = "Radio Zəngilan";

  /** A city that occurs once in the job listing, in its own short cell. */
  static final String JOB_CITY = "克拉玛依";

  /** A company that occurs once in the job listing. */
  static final String JOB_COMPANY = "天山石化设备有限公司";

  private static final List<String> STATIONS =
      List.of(
          "BBC World Service",
          "Radio Romania Int.",
          "Voice of Turkey",
          "Radio Baku",
          "Radio Tirana",
          "Deutschlandfunk",
          "RNE 5",
          "Radio Mayak",
          "Radio Kuwait",
          "TWR Europe",
          "Radio Free Asia",
          "Radio Tashkent",
          "IRIB Ardabil",
          "Radio Ukraine Int.",
          "Radio Belarus",
          "Radio Algérienne",
          "Radio Marti",
          "China Radio Int.",
          "KBS World Radio",
          "Radio Thailand");

  private static final List<String> PLACES =
      List.of(
          "Orfordness",
          "Tiganesti",
          "Emirler",
          "Bakı",
          "Fllake",
          "Zehlendorf",
          "Arganda",
          "Taldom",
          "Sulaibiyah",
          "Nauen",
          "Tinian",
          "Navoi",
          "Ardabil",
          "Kyiv",
          "Hrodna",
          "Ouled Fayet",
          "Greenville",
          "Kashi",
          "Kimjae",
          "Udon Thani");

  private static final List<String> REMARKS =
      List.of("fair", "weak", "good", "QRM", "fading", "ID heard", "mixing", "S9+", "poor", "OK");

  private static final String SITE_MENU =
      "<div id='menu'><a href='/'>Home</a> | <a href='/logs/'>Logs</a> | <a href='/qsl/'>QSL"
          + " cards</a> | <a href='/antenna/'>Antennas</a> | <a href='/links/'>Links</a> | <a"
          + " href='/contact/'>Contact</a></div>";

  private TablePages() {}

  /**
   * A year's reception log: an introduction, then twelve monthly tables of about {@code
   * rowsPerMonth} rows (date, UTC, kHz, station, place, country, remark). One row in the middle of
   * the year holds {@link #LOG_STATION} and {@link #LOG_PLACE}.
   */
  static String stationLog(int rowsPerMonth) {
    Random random = new Random(14);
    StringBuilder html = new StringBuilder();
    html.append(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>MW DX log 2023 -"
            + " Caspian DX pages</title></head><body>");
    html.append("<div id='header'><h1>Caspian DX pages</h1>").append(SITE_MENU).append("</div>");
    html.append("<div id='wrapper'><div id='sidebar'><h3>Logs</h3><ul>");
    for (int year = 2012; year <= 2023; year++) {
      html.append("<li><a href='/logs/").append(year).append("'>Log ").append(year).append("</a>");
    }
    html.append("</ul><h3>Latest QSL</h3><p><a href='/qsl/42'>Radio Tirana, 2023</a></p></div>");
    html.append("<div id='main'><h2>Mediumwave log 2023</h2>");
    html.append(
        "<p>All stations heard at my home near the Caspian coast with a Perseus SDR and a 200 m"
            + " Beverage towards the west. Times are UTC; remarks give the signal as heard.</p>");
    String[] months = {
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    };
    for (int m = 0; m < 12; m++) {
      html.append("<h3>").append(months[m]).append(" 2023</h3>");
      html.append(
          "<table class='log' border='1'><tr><th>Date</th><th>UTC</th><th>kHz</th><th>Station</th>"
              + "<th>Place</th><th>Country</th><th>Remarks</th></tr>");
      for (int r = 0; r < rowsPerMonth; r++) {
        int s = random.nextInt(STATIONS.size());
        String station = STATIONS.get(s);
        String place = PLACES.get(s);
        String country = "AZE TUR ROU UKR RUS KWT".substring(4 * (s % 6), 4 * (s % 6) + 3);
        if (m == 6 && r == rowsPerMonth / 2) {
          station = LOG_STATION;
          place = LOG_PLACE;
          country = "AZE";
        }
        String remark = REMARKS.get(random.nextInt(REMARKS.size()));
        if (random.nextInt(40) == 0) {
          remark =
              "Interval signal heard at the top of the hour, then news in the local language;"
                  + " the signal faded out by the second item.";
        }
        html.append(
            String.format(
                "<tr><td>2023-%02d-%02d</td><td>%02d%02d</td><td>%d</td><td>%s</td><td>%s</td>"
                    + "<td>%s</td><td>%s</td></tr>",
                m + 1,
                1 + random.nextInt(28),
                random.nextInt(24),
                random.nextInt(60),
                531 + 9 * random.nextInt(110),
                station,
                place,
                country,
                remark));
      }
      html.append("</table>");
    }
    html.append("</div></div>");
    html.append(
        "<div id='footer'><p>© 2023 Caspian DX pages · <a href='/imprint'>Imprint</a> · <a"
            + " href='/privacy'>Privacy</a></p></div></body></html>");
    return html.toString();
  }

  /**
   * A Chinese job listing: an old-style page laid out with one table (menu column, content column),
   * the content a table of about {@code rows} openings (title, company, city, salary, date). One
   * row holds {@link #JOB_COMPANY} in {@link #JOB_CITY}.
   */
  static String jobListing(int rows) {
    Random random = new Random(7);
    String[] titles = {"软件工程师", "销售经理", "会计", "行政助理", "机械工程师", "客服专员", "电工", "仓库管理员", "市场专员", "司机"};
    String[] companies = {
      "华信科技有限公司", "东方物流集团", "宏达建设工程公司", "新世纪商贸有限公司", "金桥电子有限公司", "长城机械制造厂", "远大教育咨询公司"
    };
    String[] cities = {"北京", "上海", "广州", "深圳", "成都", "武汉", "西安", "乌鲁木齐", "杭州", "南京"};
    StringBuilder html = new StringBuilder();
    html.append(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
            + "<title>最新招聘信息 - 人才网</title></head><body>");
    html.append(
        "<table width='100%' class='top'><tr><td><a href='/'>首页</a> | <a href='/jobs'>职位搜索</a>"
            + " | <a href='/company'>企业招聘</a> | <a href='/resume'>简历中心</a> | <a"
            + " href='/login'>登录</a> | <a href='/reg'>注册</a></td></tr></table>");
    html.append("<table width='960' align='center'><tr><td width='180' valign='top' class='left'>");
    html.append("<b>热门城市</b><br>");
    for (String city : cities) {
      html.append("<a href='/city/").append(city).append("'>").append(city).append("</a><br>");
    }
    html.append("<b>热门行业</b><br><a href='/i/it'>计算机/互联网</a><br><a href='/i/sale'>销售</a><br>");
    html.append("</td><td valign='top'>");
    html.append("<h2>最新招聘信息</h2><p>以下为本周发布的招聘职位，点击职位名称查看详情。</p>");
    html.append(
        "<table class='jobs' width='100%'><tr><th>职位名称</th><th>公司名称</th><th>工作地点</th>"
            + "<th>薪资</th><th>发布日期</th></tr>");
    for (int r = 0; r < rows; r++) {
      String company = companies[random.nextInt(companies.length)];
      String city = cities[random.nextInt(cities.length)];
      if (r == rows / 2) {
        company = JOB_COMPANY;
        city = JOB_CITY;
      }
      int low = 3 + random.nextInt(12);
      html.append(
          String.format(
              "<tr><td><a href='/job/%d'>%s</a></td><td><a href='/co/%d'>%s</a></td><td>%s</td>"
                  + "<td>%d千-%d千/月</td><td>2024-03-%02d</td></tr>",
              10000 + r,
              titles[random.nextInt(titles.length)],
              company.hashCode() & 0xffff,
              company,
              city,
              low,
              low + 2 + random.nextInt(6),
              1 + random.nextInt(28)));
    }
    html.append("</table><p>共").append(rows).append("条记录</p></td></tr></table>");
    html.append("<div class='footer'>关于我们 | 联系方式 | 网站地图 | 版权所有 © 2024 人才网</div></body></html>");
    return html.toString();
  }

  /**
   * A news article in an old layout table (menu column, article column, teaser column), with a
   * small table of figures inside the article. The article's prose is what is main text; the menu
   * and teasers are not.
   */
  static String articleInLayoutTable() {
    String para =
        "<p>The harvest in the region was the largest in a decade, the ministry said on Monday,"
            + " as a mild spring and a wet summer helped farmers across the lowlands. %s</p>";
    return "<html><head><title>Record harvest in the lowlands - Daily Courier</title></head><body>"
        + "<table width='100%' cellpadding='0'><tr>"
        + "<td class='leftcol' width='150'><a href='/'>Front page</a><br><a href='/world'>World</a>"
        + "<br><a href='/business'>Business</a><br><a href='/sport'>Sport</a><br>"
        + "<a href='/weather'>Weather</a></td>"
        + "<td class='maincol'><h1>Record harvest in the lowlands</h1>"
        + String.format(para, "Wheat led the increase.")
        + String.format(para, "Barley followed closely.")
        + "<table class='figures'><tr><th>Crop</th><th>2022</th><th>2023</th></tr>"
        + "<tr><td>Wheat</td><td>2.1 Mt</td><td>2.6 Mt</td></tr>"
        + "<tr><td>Barley</td><td>0.9 Mt</td><td>1.1 Mt</td></tr></table>"
        + String.format(para, "Prices are expected to fall.")
        + "<p>Reporting by the Courier's farm desk.</p></td>"
        + "<td class='rightcol' width='200'><b>Most read</b><br>"
        + "<a href='/a/1'>Storm closes the coast road for a day</a><br>"
        + "<a href='/a/2'>New bridge opens to traffic after four years</a><br>"
        + "<a href='/a/3'>Football: the derby ends in a draw</a></td>"
        + "</tr></table>"
        + "<table width='100%'><tr><td class='foot'>© Daily Courier · Contact · Advertise"
        + "</td></tr></table></body></html>";
  }
}
