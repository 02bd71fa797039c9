//! The language a page is written in: a BCP 47 tag ("en", "es", "ar", "pt-BR", "zh-Hant"),
//! from its article or the site, and which way its script runs. The page's `<html lang>`
//! and `dir` come from here, identically at build time and in the browser.

use serde::{Deserialize, Serialize};

use crate::model::article_path;

/// The language of a site whose settings name none.
pub const DEFAULT_LANGUAGE: &str = "en";

/// What editors' tools check a language tag against: letters for the language, then
/// subtags of letters and digits (script, region, variants), joined by hyphens. The rules
/// in [`is_language_tag`] decide.
pub const LANGUAGE_TAG_PATTERN: &str = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$";

/// Which way a language's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    LeftToRight,
    RightToLeft,
}

impl Direction {
    /// As HTML's `dir` attribute says it.
    pub fn as_html(self) -> &'static str {
        match self {
            Direction::LeftToRight => "ltr",
            Direction::RightToLeft => "rtl",
        }
    }
}

/// Scripts written right to left (ISO 15924), as a tag's script subtag names them.
const RIGHT_TO_LEFT_SCRIPTS: &[&str] = &[
    "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi",
];

/// Languages whose usual script runs right to left, when the tag names no script: Arabic,
/// Central Kurdish, Dhivehi, Persian, Hebrew, Kashmiri, Pashto, Sindhi, Uyghur, Urdu, Yiddish
/// and others written in the Arabic or Hebrew alphabets.
const RIGHT_TO_LEFT_LANGUAGES: &[&str] = &[
    "ar", "arc", "azb", "bal", "bqi", "ckb", "dv", "fa", "glk", "he", "iw", "ks", "lrc", "mzn",
    "pnb", "prs", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// Whether `tag` is a well-formed language tag: a language of two or three letters, then any
/// script, region and variant subtags, each of one to eight letters and digits. ("es",
/// "pt-BR", "zh-Hant-TW", "ar-EG"; not "spanish", "es_ES", "e".)
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    let language_ok =
        matches!(language.len(), 2 | 3) && language.bytes().all(|b| b.is_ascii_alphabetic());
    language_ok
        && subtags.all(|subtag| {
            (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Which way text in the language `tag` runs: by its script when it names one ("az-Arab"),
/// else by the language's usual script.
pub fn direction(tag: &str) -> Direction {
    let mut subtags = tag.split('-').map(str::to_ascii_lowercase);
    let language = subtags.next().unwrap_or_default();
    let script =
        subtags.find(|subtag| subtag.len() == 4 && subtag.bytes().all(|b| b.is_ascii_alphabetic()));
    let right_to_left = match script {
        Some(script) => RIGHT_TO_LEFT_SCRIPTS.contains(&script.as_str()),
        None => RIGHT_TO_LEFT_LANGUAGES.contains(&language.as_str()),
    };
    if right_to_left {
        Direction::RightToLeft
    } else {
        Direction::LeftToRight
    }
}

/// The language a tag names, without its script, region or variants, in lower case: "es"
/// for "es-MX" (and for "es_ES", as some browsers write their voices' languages).
pub fn primary_language(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Whether two tags name the same language, as a reader would count them: by their primary
/// language subtag, whatever their case ("es" and "es-MX" are both Spanish).
pub fn same_language(a: &str, b: &str) -> bool {
    primary_language(a) == primary_language(b)
}

/// Where the build writes each article's versions in other languages, as the site serves
/// them: a file per original article that has translations.
pub const TRANSLATIONS_FOLDER: &str = "content/translations/";

/// The file of the versions of the article `original` (the one the others translate).
pub fn translations_file(original: &str) -> String {
    format!("{TRANSLATIONS_FOLDER}{original}.json")
}

/// One version of an article among its translations: the original first, then each
/// translation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub slug: String,
    /// Its language, a BCP 47 tag.
    pub lang: String,
    /// Its language's name in that language ("Español"), from that language's table.
    pub language_name: String,
    /// Whether it is the original, which the others translate.
    pub original: bool,
}

/// An article and its translations, as each of their pages lists them. Empty for an
/// article without translations.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Translations {
    pub versions: Vec<Version>,
}

impl Translations {
    /// The original version, when there are translations.
    pub fn original(&self) -> Option<&Version> {
        self.versions.iter().find(|version| version.original)
    }

    /// What a version's page head and the sitemap name as its alternates, each as an
    /// `hreflang` and a path: every version in its language, this one too, and the original
    /// for any other reader (`x-default`).
    pub fn alternates(&self) -> Vec<(String, String)> {
        (self.versions.iter())
            .map(|version| (version.lang.clone(), article_path(&version.slug)))
            .chain(
                (self.original())
                    .map(|original| ("x-default".to_string(), article_path(&original.slug))),
            )
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_are_accepted_and_others_refused() {
        for tag in [
            "en",
            "es",
            "ar",
            "pt-BR",
            "zh-Hant-TW",
            "es-419",
            "haw",
            "sgn-BE-FR",
        ] {
            assert!(is_language_tag(tag), "{tag} is a language tag");
        }
        for tag in [
            "",
            "e",
            "spanish-language",
            "es_ES",
            "es-",
            "-es",
            "en--us",
            "ñu",
            "1e",
        ] {
            assert!(!is_language_tag(tag), "{tag:?} is not a language tag");
        }
    }

    #[test]
    fn arabic_hebrew_persian_and_urdu_run_right_to_left() {
        for tag in [
            "ar", "ar-EG", "he", "fa", "ur", "yi", "AR", "az-Arab", "ku-Arab",
        ] {
            assert_eq!(direction(tag), Direction::RightToLeft, "{tag}");
        }
        for tag in [
            "en", "es-MX", "vi", "zh-Hant", "az", "az-Latn", "ar-Latn", "ku",
        ] {
            assert_eq!(direction(tag), Direction::LeftToRight, "{tag}");
        }
    }

    #[test]
    fn a_regional_variant_is_the_same_language() {
        assert!(same_language("es", "es-MX"));
        assert!(same_language("EN", "en-GB"));
        assert!(!same_language("es", "en"));
    }
}
