package dev.amends.notification.writing;

import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.recovery.MakeGood;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The customer's language for what the templates cannot spell out themselves: dates in their time
 * zone, amounts in their number format, and the make-good in plain words rather than the policy's
 * English description.
 */
public final class Words {

    /** The languages with templates; any other locale is written to in English. */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final Pattern FINAL_STOP = Pattern.compile("[\\s.!?;:,\u2026]+$");

    private final Locale locale;
    private final ZoneId zone;
    private final ResourceBundle bundle;

    private Words(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.bundle = bundle(language(locale));
    }

    public static Words of(String localeTag, String timeZone) {
        Locale locale = localeTag == null || localeTag.isBlank() ? Locale.UK : Locale.forLanguageTag(localeTag);
        ZoneId zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
        return new Words(locale, zone);
    }

    /** The template folder: the customer's language where we have templates for it, else English. */
    public String language() {
        return language(locale);
    }

    private static String language(Locale locale) {
        return LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    /** The words of one of {@link #LANGUAGES}, without falling back to the JVM's default locale. */
    static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle("messages.words", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant at) {
        return DateTimeFormatter.ofPattern(bundle.getString("date.time"), formatLocale()).format(at.atZone(zone));
    }

    public String day(Instant at) {
        return DateTimeFormatter.ofPattern(bundle.getString("date.day"), formatLocale()).format(at.atZone(zone));
    }

    /** "an account credit of €25.00 and faster delivery at our cost". */
    public String makeGood(List<MakeGood> parts) {
        return joined(parts.stream().map(this::makeGood).toList());
    }

    public String makeGood(MakeGood part) {
        String amount = null;
        if (part.value() != null) {
            NumberFormat format = NumberFormat.getCurrencyInstance(formatLocale());
            Currency currency = Currency.getInstance(part.value().currency());
            format.setCurrency(currency);
            format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
            format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
            amount = format.format(part.value().amount());
        }
        return new MessageFormat(bundle.getString("make-good." + part.kind().name()), formatLocale())
                .format(new Object[] {amount});
    }

    /**
     * What the complaint is about, as a message names it: the CRM's summary where it says something of
     * its own (without a closing full stop, which the sentence brings), else what the story says went
     * wrong, else the category's words; with the order reference where there is one.
     */
    public String about(String summary, Specifics specifics) {
        return referenced(specifics == null || !specifics.genericSummary()
                ? FINAL_STOP.matcher(summary.strip()).replaceAll("") : brief(specifics), specifics);
    }

    private String referenced(String about, Specifics specifics) {
        String reference = specifics == null ? null : specifics.orderReference();
        if (reference == null || about.contains(reference)) {
            return about;
        }
        return MessageFormat.format(bundle.getString("order"), about, reference);
    }

    /**
     * What the complaint is about in our own few words, without the summary or the reference: the
     * first thing that went wrong, else the category's words. Short enough for any SMS.
     */
    public String brief(Specifics specifics) {
        if (specifics != null && !specifics.wentWrong().isEmpty()) {
            return bundle.getString("went." + specifics.wentWrong().get(0).name());
        }
        return bundle.getString("category." + (specifics == null || specifics.category() == null ? "OTHER"
                : specifics.category().name()));
    }

    /** A letter to the customer about their complaint, in their words where it may quote them and in ours where not. */
    public Letter.Builder letterTo(String firstName, String summary, Specifics specifics) {
        return Letter.to(firstName, about(summary, specifics))
                .brief(referenced(brief(specifics), specifics), brief(specifics)).asked(asked(specifics))
                .apologyAsked(apologyAsked(specifics));
    }

    /** The make-goods the customer asked for, "your delivery fee back and a replacement"; null when none. */
    public String asked(Specifics specifics) {
        if (specifics == null) {
            return null;
        }
        List<String> asks = specifics.asked().stream().filter(a -> bundle.containsKey("asked." + a.name()))
                .map(a -> bundle.getString("asked." + a.name())).toList();
        return asks.isEmpty() ? null : joined(asks);
    }

    /** They asked for an apology in so many words: the apology says that it answers them. */
    private static boolean apologyAsked(Specifics specifics) {
        return specifics != null && specifics.asked().contains(CustomerAsk.APOLOGY);
    }

    private String joined(List<String> phrases) {
        if (phrases.size() <= 1) {
            return phrases.isEmpty() ? null : phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + bundle.getString("and")
                + phrases.get(phrases.size() - 1);
    }

    /** A locale with a country formats amounts as that country does; "de" alone as Germany does. */
    private Locale formatLocale() {
        if (!locale.getCountry().isEmpty()) {
            return locale;
        }
        return "de".equals(locale.getLanguage()) ? Locale.GERMANY : Locale.UK;
    }
}
