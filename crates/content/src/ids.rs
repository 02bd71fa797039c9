//! Slugs and ids, by one set of rules: how a title becomes an address, a heading an id, and
//! which ids the page keeps for itself. The browser makes ids from ASCII letters and digits
//! ([`slugify`]); the editors' tools make readable ones from any script ([`readable_slug`],
//! natively only: its tables would weigh more than the app) and write them into the content.

/// Ids the page itself uses, each element's (the components take them from here); a heading
/// never takes one of them.
pub const APP_ROOT_ID: &str = "app";
pub const MAIN_ID: &str = "main-content";
pub const TITLE_ID: &str = "article-title";
pub const RELATED_ID: &str = "related-posts";
pub const ABOUT_ID: &str = "about-this-page";
pub const SOURCES_ID: &str = "sources";
pub const KEY_POINTS_ID: &str = "key-points";
pub const READING_SETTINGS_ID: &str = "reading-settings";
pub const READING_SETTINGS_TITLE_ID: &str = "reading-settings-title";
pub const SEARCH_INPUT_ID: &str = "site-search-input";
pub const SEARCH_RESULTS_ID: &str = "site-search-results";
pub const SEARCH_STATUS_ID: &str = "site-search-results-status";
pub const CONTENTS_LIST_ID: &str = "table-of-contents-list";
pub const RESERVED_IDS: [&str; 13] = [
    APP_ROOT_ID,
    MAIN_ID,
    TITLE_ID,
    RELATED_ID,
    ABOUT_ID,
    SOURCES_ID,
    KEY_POINTS_ID,
    READING_SETTINGS_ID,
    READING_SETTINGS_TITLE_ID,
    SEARCH_INPUT_ID,
    SEARCH_RESULTS_ID,
    SEARCH_STATUS_ID,
    CONTENTS_LIST_ID,
];

/// A readable id from a heading: lower-case ASCII letters and digits joined by single hyphens.
/// Apostrophes vanish ("What’s" → "whats") rather than splitting words.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(ch.to_ascii_lowercase());
        } else if !matches!(ch, '\'' | '’' | '‘') {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(not(target_arch = "wasm32"))]
/// A slug for an address made from `text` in any script: letters outside ASCII are
/// transliterated ("Über Rückenschmerzen" → "uber-ruckenschmerzen"), not dropped.
pub fn readable_slug(text: &str) -> String {
    slugify(&deunicode::deunicode(text))
}

#[cfg(not(target_arch = "wasm32"))]
/// The id a heading keeps when the browser's own slug of it would drop letters: the browser
/// derives ids from ASCII only, so the Markdown reader writes the readable one into the content.
pub fn readable_id(heading: &str) -> Option<String> {
    let readable = readable_slug(heading);
    (!readable.is_empty() && readable != slugify(heading)).then_some(readable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_single_hyphens() {
        assert_eq!(
            slugify("Upper Back Pain vs. Regular Back Pain: What’s the Difference"),
            "upper-back-pain-vs-regular-back-pain-whats-the-difference"
        );
        assert_eq!(
            slugify("  First 15 Minutes: What to Do When Pain Hits "),
            "first-15-minutes-what-to-do-when-pain-hits"
        );
        assert_eq!(
            slugify("Everyday Habits (and How to Fix Them)"),
            "everyday-habits-and-how-to-fix-them"
        );
        assert_eq!(slugify("Pain & Spine?"), "pain-spine");
    }

    #[test]
    fn a_heading_without_ascii_letters_has_an_empty_slug() {
        assert_eq!(slugify("?!"), "");
        assert_eq!(slugify("Über"), "ber");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn readable_slugs_transliterate_any_script() {
        assert_eq!(
            readable_slug("Über Rückenschmerzen"),
            "uber-ruckenschmerzen"
        );
        assert_eq!(
            readable_slug("Dolor de espalda: ¿qué hacer?"),
            "dolor-de-espalda-que-hacer"
        );
        assert_eq!(readable_slug("Боль в спине"), "bol-v-spine");
        assert_eq!(
            readable_id("Wärme oder Kälte?").as_deref(),
            Some("warme-oder-kalte")
        );
        assert_eq!(
            readable_id("Plain Heading"),
            None,
            "the browser's own id is readable"
        );
    }
}
