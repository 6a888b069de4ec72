package org.sandiq.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset labels as pages and servers write them, to Java charsets: the WHATWG Encoding Standard's
 * mapping where it differs from Java's (Latin-1 labels mean windows-1252, {@code gb2312} means GBK,
 * {@code shift_jis} means Windows-31J), the misspellings real archives hold ({@code iso-8559-1},
 * {@code utf8mb4}, {@code win-1251}, {@code 'utf-8'}), and null for labels that name nothing
 * usable, so the bytes decide instead.
 */
final class CharsetLabels {
  private static final Pattern ISO_8859 = Pattern.compile("iso8859(\\d{1,2})");
  private static final Pattern WINDOWS = Pattern.compile("(?:windows|win|cp|xcp|mscp)(12\\d\\d)");
  private static final Map<String, String> KNOWN = new HashMap<>();

  static {
    for (String label :
        new String[] {
          "iso88591", "iso885911987", "latin1", "l1", "usascii", "ascii", "ansix341968",
          "cp819", "ibm819", "isoir100", "windows1252", "xuserdefined", "88591", "iso8859"
        }) {
      KNOWN.put(label, "windows-1252");
    }
    for (String label : new String[] {"utf8", "unicode11utf8", "xunicode20utf8", "utf8mb4"}) {
      KNOWN.put(label, "UTF-8");
    }
    KNOWN.put("iso88599", "windows-1254"); // Latin-5 (Turkish), as browsers read it
    KNOWN.put("latin5", "windows-1254");
    KNOWN.put("iso88598i", "ISO-8859-8");
    KNOWN.put("gb2312", "GBK");
    KNOWN.put("gb231280", "GBK");
    KNOWN.put("xgbk", "GBK");
    KNOWN.put("shiftjis", "windows-31j");
    KNOWN.put("sjis", "windows-31j");
    KNOWN.put("xsjis", "windows-31j");
    KNOWN.put("mskanji", "windows-31j");
    KNOWN.put("ksc56011987", "x-windows-949");
    KNOWN.put("euckr", "x-windows-949");
    KNOWN.put("tis620", "x-windows-874");
    KNOWN.put("windows874", "x-windows-874");
    KNOWN.put("koi8r", "KOI8-R");
    KNOWN.put("koi8u", "KOI8-U");
  }

  private CharsetLabels() {}

  /** The charset {@code label} means, or null when it means none that can be used. */
  static Charset forLabel(String label) {
    if (label == null) {
      return null;
    }
    String trimmed = label.strip().replaceAll("^[\"']+|[\"';,]+$", "");
    if (trimmed.isEmpty()) {
      return null;
    }
    String key = trimmed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String mapped = nameFor(key);
    String name = mapped == null ? trimmed : mapped;
    try {
      Charset charset = Charset.forName(name);
      // A UTF-16 or UTF-32 label on bytes without a byte-order mark is a mistake (the mark was
      // checked first): browsers read such pages as UTF-8, and so do we.
      String canonical = charset.name();
      if (canonical.startsWith("UTF-16") || canonical.startsWith("UTF-32")) {
        return StandardCharsets.UTF_8;
      }
      return charset;
    } catch (IllegalArgumentException e) {
      // A well-formed label Java lacks (iso-8859-11) is no typo; anything else may be one.
      String near = mapped == null ? nearest(key) : null;
      return near == null ? null : Charset.forName(near);
    }
  }

  /** Whether {@code charset} is what servers send by default: a Latin-1 label. */
  static boolean isLatinDefault(Charset charset) {
    String name = charset.name();
    return name.equals("windows-1252") || name.equals("ISO-8859-1") || name.equals("US-ASCII");
  }

  private static String nameFor(String key) {
    String known = KNOWN.get(key);
    if (known != null) {
      return known;
    }
    Matcher iso = ISO_8859.matcher(key);
    if (iso.matches()) {
      return "ISO-8859-" + iso.group(1);
    }
    Matcher windows = WINDOWS.matcher(key);
    if (windows.matches()) {
      return "windows-" + windows.group(1);
    }
    return null;
  }

  /** The charset of the one known label one typo away from {@code key} ({@code iso85591}). */
  private static String nearest(String key) {
    String found = null;
    for (Map.Entry<String, String> e : KNOWN.entrySet()) {
      if (e.getKey().length() >= 4 && oneEditApart(key, e.getKey())) {
        if (found != null && !found.equals(e.getValue())) {
          return null; // ambiguous: let the bytes decide
        }
        found = e.getValue();
      }
    }
    return found;
  }

  /** Whether {@code a} becomes {@code b} by one substitution, insertion, deletion or swap. */
  static boolean oneEditApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (a.length() == b.length()) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true;
      }
      return i + 1 < a.length()
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2));
    }
    String longer = a.length() > b.length() ? a : b;
    String shorter = a.length() > b.length() ? b : a;
    return longer.substring(i + 1).equals(shorter.substring(i));
  }
}
