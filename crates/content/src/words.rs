//! The interface's own words in one language: every fixed word a page shows or gives
//! assistive technology, from a table a clinic edits without Rust
//! (`content/locales/<language>.json`, one per language, described by
//! `schemas/locale.schema.json`). A page carries its own language's table; the build and the
//! browser fill in the same templates from it, so a page reads the same before and after
//! the app takes over.
//!
//! A table is read as a plain map from key to text: its size in the app's wasm does not grow
//! with the number of words. `content check` (and so the build) holds every table to the keys
//! below, each present and none extra.

#[cfg(not(target_arch = "wasm32"))]
use std::collections::BTreeSet;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::language::primary_language;
use crate::text::parse_date;

/// The folder of the tables, as the site serves it.
pub const LOCALES_FOLDER: &str = "content/locales/";

/// The table for pages in the language `tag`: one per language ("es" serves "es" and
/// "es-MX"), named by its language code in lower case.
pub fn locale_file(tag: &str) -> String {
    format!("{LOCALES_FOLDER}{}.json", primary_language(tag))
}

/// Declares the words, each with its key in the tables and, for the tables' JSON Schema,
/// what it is for (the hint translators see).
macro_rules! words {
    ($($(#[doc = $hint:literal])+ $word:ident = $key:literal,)+) => {
        /// One word or phrase of the interface, by its key in the tables.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Word {
            $($(#[doc = $hint])+ $word,)+
        }

        impl Word {
            /// Every word, in the tables' order.
            pub const ALL: &'static [Word] = &[$(Word::$word,)+];

            /// Its key in the tables.
            pub fn key(self) -> &'static str {
                match self {
                    $(Word::$word => $key,)+
                }
            }

            /// What it is for, as the tables' JSON Schema tells translators.
            #[cfg(not(target_arch = "wasm32"))]
            pub fn hint(self) -> &'static str {
                match self {
                    $(Word::$word => concat!($($hint, "\n"),+).trim_ascii(),)+
                }
            }
        }
    };
}

words! {
    /// The language's name in the language itself ("English", "Español", "العربية"), as a
    /// page lists its other languages.
    LanguageName = "language_name",
    /// How a date is written, with `{day}`, `{month}` and `{year}`: "{month} {day}, {year}".
    Date = "date",
    /// The first month, as dates show it.
    January = "january",
    /// The second month, as dates show it.
    February = "february",
    /// The third month, as dates show it.
    March = "march",
    /// The fourth month, as dates show it.
    April = "april",
    /// The fifth month, as dates show it.
    May = "may",
    /// The sixth month, as dates show it.
    June = "june",
    /// The seventh month, as dates show it.
    July = "july",
    /// The eighth month, as dates show it.
    August = "august",
    /// The ninth month, as dates show it.
    September = "september",
    /// The tenth month, as dates show it.
    October = "october",
    /// The eleventh month, as dates show it.
    November = "november",
    /// The twelfth month, as dates show it.
    December = "december",
    /// The link that skips the header, the first thing Tab reaches.
    SkipToMainContent = "skip_to_main_content",
    /// The name of the announcement above the header, for screen readers.
    Announcement = "announcement",
    /// The header's booking link.
    BookNow = "book_now",
    /// The header's phone link, before the number.
    CallUs = "call_us",
    /// The name of the table of contents, for screen readers.
    TableOfContents = "table_of_contents",
    /// The table of contents' heading and, on a phone, the button that opens it.
    Contents = "contents",
    /// The heading of an article's key points.
    KeyPoints = "key_points",
    /// The button that opens every answer of the questions.
    ExpandAll = "expand_all",
    /// The button that closes every answer of the questions.
    CollapseAll = "collapse_all",
    /// The heading of the other articles listed after an article.
    RelatedPosts = "related_posts",
    /// The heading of what an article says about itself: its sources, its review dates.
    AboutThisPage = "about_this_page",
    /// The heading of the publications an article is based on.
    Sources = "sources",
    /// The name of the breadcrumbs (Home › Category › Article), for screen readers.
    Breadcrumb = "breadcrumb",
    /// The name of the list of categories, for screen readers.
    Categories = "categories",
    /// When an article was published, with `{date}`.
    Published = "published",
    /// When an article was last reviewed, under its title, with `{date}`.
    Reviewed = "reviewed",
    /// How long an article takes to read, in minutes: `{count}`.
    ReadingTime = "reading_time",
    /// At an article's end: when it was last reviewed, with `{date}`.
    LastReviewed = "last_reviewed",
    /// At an article's end: when its next review is due, with `{date}`.
    NextReviewDue = "next_review_due",
    /// At an article's end: its latest change, with `{date}` and `{note}` (the clinic's
    /// words).
    Updated = "updated",
    /// The link to report a mistake in an article.
    ReportMistake = "report_mistake",
    /// The button that opens the reading settings, and the panel's heading.
    ReadingSettings = "reading_settings",
    /// The reading settings' group of contrast choices.
    ColorContrast = "color_contrast",
    /// The contrast as the site comes.
    ContrastDefault = "contrast_default",
    /// Black text on white, with the strongest contrast.
    ContrastHigh = "contrast_high",
    /// Light text on a dark background.
    ContrastDark = "contrast_dark",
    /// The reading settings' group of text sizes.
    TextSize = "text_size",
    /// The button that makes the text smaller.
    SmallerText = "smaller_text",
    /// The button that makes the text bigger.
    BiggerText = "bigger_text",
    /// The text size now, with `{percent}` (a number): "{percent}%".
    Percent = "percent",
    /// The reading settings' group of text alignments.
    TextAlign = "text_align",
    /// Text lined up where the language's lines start: "Left" in English, "Right" in Arabic.
    AlignStart = "align_start",
    /// Text centred.
    AlignCenter = "align_center",
    /// Text lined up where the language's lines end: "Right" in English, "Left" in Arabic.
    AlignEnd = "align_end",
    /// The reading settings' group of settings that make reading easier.
    EasierReading = "easier_reading",
    /// More space between lines, words and letters.
    TextSpacing = "text_spacing",
    /// A font that tells similar letters apart.
    ReadableFont = "readable_font",
    /// Links underlined and marked out.
    HighlightLinks = "highlight_links",
    /// No smooth scrolling or animations.
    ReduceMotion = "reduce_motion",
    /// The reading settings' group of read-aloud buttons.
    Listen = "listen",
    /// The button that reads the article aloud.
    ReadAloud = "read_aloud",
    /// The button that pauses reading aloud.
    Pause = "pause",
    /// The button that stops reading aloud.
    Stop = "stop",
    /// The button that puts every reading setting back as it was.
    ResetToDefaults = "reset_to_defaults",
    /// The button that closes the reading settings.
    Close = "close",
    /// The first step of the breadcrumbs: the site's home page.
    Home = "home",
    /// The list of every article: its name in the header, its heading and the breadcrumbs.
    HealthLibrary = "health_library",
    /// The index of every article by letter: its name.
    HealthAToZ = "health_a_to_z",
    /// The first of the category links: every article.
    AllArticles = "all_articles",
    /// The button that hides the announcement, for screen readers.
    DismissAnnouncement = "dismiss_announcement",
    /// Who wrote an article, with `{name}`.
    WrittenBy = "written_by",
    /// Who checked an article medically, with `{name}`.
    MedicallyReviewedBy = "medically_reviewed_by",
    /// The link at an article's end that goes back to its title.
    BackToTop = "back_to_top",
    /// The footer's link to the clinic's editorial policy.
    EditorialPolicy = "editorial_policy",
    /// Under the header, when the page is the copy saved on the device.
    OfflineCopy = "offline_copy",
    /// The same, with the day the copy was saved, `{date}`.
    OfflineCopyOn = "offline_copy_on",
    /// The notice under an article's title when its review is overdue: its first sentence.
    OverdueTitle = "overdue_title",
    /// The rest of that notice, with `{date}`, the day the review was due.
    OverdueDetail = "overdue_detail",
    /// The name of a list's page links, for screen readers.
    Pages = "pages",
    /// The link to a list's page before this one.
    PreviousPage = "previous_page",
    /// The link to a list's page after this one.
    NextPage = "next_page",
    /// A link to one page of a list, with `{number}` (the words around it are for screen readers).
    PageNumber = "page_number",
    /// The search field's label.
    Search = "search",
    /// The name of the search results, for screen readers.
    SearchResults = "search_results",
    /// While a search is under way.
    Searching = "searching",
    /// How many articles a search found: `{count}`.
    Results = "results",
    /// When no article matches the words searched for, `{query}`.
    NoArticlesMatch = "no_articles_match",
    /// Under the search field, when no article matches, before the link to every article.
    NoMatch = "no_match",
    /// The link to every article, when a search finds none.
    BrowseEveryArticle = "browse_every_article",
    /// How many results there are, `{results}`, when search reads the copy saved on the device on `{date}`.
    SearchOffline = "search_offline",
    /// When a search needs a part of the index the device has not saved.
    SearchNeedsConnection = "search_needs_connection",
    /// When search cannot start because the device is offline and has not saved it.
    SearchNeedsConnectionFirst = "search_needs_connection_first",
    /// When search fails for another reason.
    SearchNotAvailable = "search_not_available",
    /// The heading of a category that has no articles (it may have been renamed).
    NoArticlesInCategory = "no_articles_in_category",
    /// The heading of a later page of a list: `{name}` (the list's), `{page}` and `{pages}`.
    ListPage = "list_page",
    /// The heading of a letter's page of the A to Z: `{name}` and `{letter}`.
    AToZLetter = "a_to_z_letter",
    /// The same on a later page of the letter, with `{page}` and `{pages}`.
    AToZLetterPage = "a_to_z_letter_page",
    /// The list of every article, as search engines describe it: `{clinic}`.
    LibraryDescription = "library_description",
    /// A category's page, as search engines describe it: `{category}` and `{clinic}`.
    CategoryDescription = "category_description",
    /// The A to Z's letters, as search engines describe them: `{clinic}`.
    AToZDescription = "a_to_z_description",
    /// A letter's page of the A to Z, as search engines describe it: `{clinic}` and `{letter}`.
    AToZLetterDescription = "a_to_z_letter_description",
    /// The heading of the page for an address the site does not have.
    PageNotFound = "page_not_found",
    /// What that page says.
    PageNotFoundText = "page_not_found_text",
    /// That page's link to the home page.
    GoHome = "go_home",
    /// While a page loads: the loader's words, and the title of the page that loads any page.
    Loading = "loading",
    /// The heading of the page shown when a page's content could not be loaded.
    NotLoaded = "not_loaded",
    /// What that page says while the device is offline and has no saved copy of the page,
    /// naming the button [`Word::Retry`].
    NotLoadedOffline = "not_loaded_offline",
    /// What that page says while the device is online.
    NotLoadedOnline = "not_loaded_online",
    /// The button that loads the page again.
    Retry = "retry",
    /// Said while the page loads again.
    TryingAgain = "trying_again",
    /// The summary of the error's technical details.
    DetailsForEditors = "details_for_editors",
    /// Before the mistakes a development build found in the content.
    BuildProblems = "build_problems",
    /// Shown where the app could not start at all (its files did not arrive).
    AppFailed = "app_failed",
    /// Shown to a browser with JavaScript turned off, on the page that loads any page.
    NeedsJavascript = "needs_javascript",
    /// Under the list's heading when the site has one article.
    OneArticleMoreComing = "one_article_more_coming",
    /// Under a category's heading when it has one article.
    OneArticle = "one_article",
    /// Under a list's heading, how many articles it has, `{count}` (more than one).
    ArticlesNewestFirst = "articles_newest_first",
    /// On a category's page with no articles, before the link to every article.
    CategoryRenamed = "category_renamed",
    /// That link.
    SeeEveryArticle = "see_every_article",
    /// The list's link to the A to Z, with `{name}` (the A to Z's).
    AToZLink = "a_to_z_link",
    /// On the A to Z's first page, under the letters.
    AToZIntro = "a_to_z_intro",
    /// The name of the A to Z's letters, for screen readers.
    Letters = "letters",
    /// After another name in the A to Z, the title of its article, `{title}`, with the
    /// punctuation before it.
    SeeTitle = "see_title",
    /// The name of an article's list of its versions in other languages.
    Languages = "languages",
}

/// The months, January first.
const MONTHS: [Word; 12] = [
    Word::January,
    Word::February,
    Word::March,
    Word::April,
    Word::May,
    Word::June,
    Word::July,
    Word::August,
    Word::September,
    Word::October,
    Word::November,
    Word::December,
];

/// The words that say a count. A table gives each in every form its language's grammar
/// gives a count, by the Unicode CLDR's names for them (`results_one`, `results_few`,
/// `results_other`…), and a page picks the form for the number.
const COUNTED: [Word; 3] = [Word::ReadingTime, Word::Results, Word::ArticlesNewestFirst];

/// The forms a count takes, by the CLDR's names: a language uses "other" and some of the
/// rest (English "one"; Arabic all six).
pub const COUNT_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Word {
    /// Whether it says a count, so that its keys name a form ([`Word::form_key`]).
    pub fn is_counted(self) -> bool {
        COUNTED.contains(&self)
    }

    /// Its key in the tables in the count form `form`: "results_few".
    pub fn form_key(self, form: &str) -> String {
        format!("{}_{form}", self.key())
    }
}

/// Which form a count of `count` takes in the language `tag`, by the browser's own plural
/// rules; the build asks the same CLDR rules of ICU4X (`count_form` natively), so a page reads
/// the same before and after the app takes over. Rules are asked by the primary language
/// alone: it is always a locale both accept.
#[cfg(target_arch = "wasm32")]
pub fn count_form(tag: &str, count: usize) -> &'static str {
    use crate::language::is_language_tag;
    if !is_language_tag(tag) {
        return "other";
    }
    let locales = js_sys::Array::of1(&primary_language(tag).into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    let form = String::from(rules.select(count as f64));
    COUNT_FORMS
        .into_iter()
        .find(|known| *known == form)
        .unwrap_or("other")
}

/// The CLDR plural rules of the language `tag`, when ICU4X knows them.
#[cfg(not(target_arch = "wasm32"))]
fn count_rules(tag: &str) -> Option<icu_plurals::PluralRules> {
    let locale = icu_locale_core::Locale::try_from_str(&primary_language(tag)).ok()?;
    icu_plurals::PluralRules::try_new_cardinal((&locale).into()).ok()
}

#[cfg(not(target_arch = "wasm32"))]
fn form_name(category: icu_plurals::PluralCategory) -> &'static str {
    use icu_plurals::PluralCategory;
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Which form a count of `count` takes in the language `tag`.
#[cfg(not(target_arch = "wasm32"))]
pub fn count_form(tag: &str, count: usize) -> &'static str {
    count_rules(tag).map_or("other", |rules| form_name(rules.category_for(count)))
}

/// The keys a table in the language `tag` must give, and those it may: every word's, a
/// counted word's in each form the language's whole numbers up to a thousand take (Spanish
/// "one" and "other"), and may in the forms it has beyond (Spanish "many", for millions).
#[cfg(not(target_arch = "wasm32"))]
pub fn table_keys(tag: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let rules = count_rules(tag);
    let forms = |all: bool| -> BTreeSet<&'static str> {
        let Some(rules) = &rules else {
            return BTreeSet::from(["other"]);
        };
        match all {
            true => rules.categories().map(form_name).collect(),
            false => (0..=1000usize)
                .map(|count| form_name(rules.category_for(count)))
                .collect(),
        }
    };
    let keys = |forms: BTreeSet<&str>| {
        Word::ALL
            .iter()
            .flat_map(|word| match word.is_counted() {
                true => forms.iter().map(|form| word.form_key(form)).collect(),
                false => vec![word.key().to_string()],
            })
            .collect()
    };
    (keys(forms(false)), keys(forms(true)))
}

/// One language's table: each word's text by its key. Keep each short and plain; `{name}`
/// marks where the page puts a value (a date, a number).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Words(HashMap<String, String>);

impl Words {
    /// The text of `word`; its key when the table lacks it (which `content check` refuses).
    pub fn get(&self, word: Word) -> &str {
        self.0
            .get(word.key())
            .map(String::as_str)
            .unwrap_or(word.key())
    }

    /// The text of `word`, to keep.
    pub fn text(&self, word: Word) -> String {
        self.get(word).to_string()
    }

    /// The text of `word` with each `{name}` filled in.
    pub fn filled(&self, word: Word, values: &[(&str, &str)]) -> String {
        fill(self.get(word), values)
    }

    /// The counted `word` for `count` in the table's language, `tag`: in the form its grammar
    /// gives that number ("1 result", "2 results"), or in its "other" form when the table
    /// lacks that one.
    pub fn count(&self, word: Word, tag: &str, count: usize) -> String {
        let template = [count_form(tag, count), "other"]
            .into_iter()
            .find_map(|form| self.0.get(&word.form_key(form)))
            .map(String::as_str)
            .unwrap_or(word.key());
        fill(template, &[("count", &count.to_string())])
    }

    /// Every key and text of the table, as it was written (with its `$schema`).
    pub fn entries(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter()
    }

    /// A `YYYY-MM-DD` date as this language writes it, or `None` when it is not a real
    /// calendar date.
    pub fn date(&self, iso: &str) -> Option<String> {
        use chrono::Datelike;
        let date = parse_date(iso).ok()?;
        let month = MONTHS.get(date.month0() as usize)?;
        Some(self.filled(
            Word::Date,
            &[
                ("day", &date.day().to_string()),
                ("month", self.get(*month)),
                ("year", &date.year().to_string()),
            ],
        ))
    }
}

/// The parts of `template` before and after its `{name}`, where the page puts something of
/// its own (a link, a `<time>`); all of it before when it has none. A part that is empty is
/// `None`: a page renders no text node for it.
pub fn split_template(template: &str, name: &str) -> (Option<String>, Option<String>) {
    let (before, after) = template
        .split_once(&format!("{{{name}}}"))
        .unwrap_or((template, ""));
    let part = |text: &str| (!text.is_empty()).then(|| text.to_string());
    (part(before), part(after))
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// The JSON Schema of a table: every key, required, with its hint, and no other.
#[cfg(not(target_arch = "wasm32"))]
pub fn words_schema() -> serde_json::Value {
    let mut properties = serde_json::Map::new();
    properties.insert(
        "$schema".into(),
        serde_json::json!({
            "description": "Where editors' tools find this file's JSON Schema; the site ignores it.",
            "type": "string"
        }),
    );
    let mut required = Vec::new();
    for word in Word::ALL {
        let hint = word
            .hint()
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        let text = |description: String| serde_json::json!({ "description": description, "type": "string", "minLength": 1 });
        if word.is_counted() {
            for form in COUNT_FORMS {
                properties.insert(
                    word.form_key(form),
                    text(format!(
                        "{hint} In the form the language gives counts the Unicode CLDR \
                         calls \"{form}\"; `content check` names the forms the language needs."
                    )),
                );
            }
            required.push(word.form_key("other"));
        } else {
            properties.insert(word.key().into(), text(hint));
            required.push(word.key().into());
        }
    }
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Words",
        "description": "The interface's own words in one language: every fixed word a page \
                        shows or gives assistive technology. Keep each short and plain; \
                        `{name}` marks where the page puts a value (a date, a number).",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_and_its_regional_forms_share_a_table() {
        assert_eq!(locale_file("es"), "content/locales/es.json");
        assert_eq!(locale_file("es-MX"), "content/locales/es.json");
        assert_eq!(locale_file("AR"), "content/locales/ar.json");
    }

    #[test]
    fn a_date_follows_the_language_s_pattern_and_months() {
        let words = crate::fixtures::words();
        assert_eq!(words.date("2026-12-06").as_deref(), Some("Dec 6, 2026"));
        let mut spanish = words.0.clone();
        spanish.insert("date".into(), "{day} de {month} de {year}".into());
        spanish.insert("december".into(), "diciembre".into());
        let spanish = Words(spanish);
        assert_eq!(
            spanish.date("2026-12-06").as_deref(),
            Some("6 de diciembre de 2026")
        );
        assert_eq!(spanish.date("2026-02-30"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_shipped_english_table_has_every_word_and_no_other() {
        let keys: BTreeSet<String> = crate::fixtures::words()
            .entries()
            .map(|(key, _)| key.clone())
            .filter(|key| key != "$schema")
            .collect();
        let (needed, allowed) = table_keys("en");
        assert_eq!(keys, needed);
        assert_eq!(needed, allowed);
    }

    #[test]
    fn a_count_takes_its_language_s_form() {
        let words = Words(HashMap::from(
            [
                ("one", "one {count}"),
                ("two", "two {count}"),
                ("few", "few {count}"),
            ]
            .map(|(form, text)| (Word::Results.form_key(form), text.to_string())),
        ));
        let mut words = words;
        words
            .0
            .insert(Word::Results.form_key("other"), "{count} other".into());
        assert_eq!(words.count(Word::Results, "en", 1), "one 1");
        assert_eq!(words.count(Word::Results, "en", 2), "2 other");
        assert_eq!(words.count(Word::Results, "ar-EG", 2), "two 2");
        assert_eq!(words.count(Word::Results, "ar", 3), "few 3");
        // Arabic's "many" (11) is missing from this table: its "other" stands in.
        assert_eq!(words.count(Word::Results, "ar", 11), "11 other");
        assert_eq!(words.count(Word::Results, "not a tag", 1), "1 other");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_table_needs_the_forms_its_language_counts_with() {
        let forms = |tag: &str| {
            let (needed, allowed) = table_keys(tag);
            let of = |keys: BTreeSet<String>| -> Vec<String> {
                keys.into_iter()
                    .filter_map(|key| key.strip_prefix("results_").map(str::to_string))
                    .collect()
            };
            (of(needed), of(allowed))
        };
        assert_eq!(
            forms("en"),
            (
                vec!["one".into(), "other".into()],
                vec!["one".into(), "other".into()]
            )
        );
        assert_eq!(forms("es-MX").0, ["one", "other"]);
        assert!(forms("es").1.contains(&"many".to_string()));
        assert_eq!(
            forms("ar").0,
            ["few", "many", "one", "other", "two", "zero"]
        );
        assert_eq!(forms("ja").0, ["other"]);
    }
}
