package org.sandiq.analysis;

/**
 * The language of a text and how sure the detector is.
 *
 * @param language the detected language ({@link Language#UND} when unsure)
 * @param confidence from 0 (a guess) to 1 (certain)
 */
public record Detection(Language language, double confidence) {
  public static final Detection UNDETERMINED = new Detection(Language.UND, 0);
}
