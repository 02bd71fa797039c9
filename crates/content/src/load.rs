//! From a content file's text to checked content. The browser and the native content tests
//! both come through here: serde reads the text into the types (with the field path, line and
//! column of any mistake), then the rules check what the types cannot.

use serde::de::DeserializeOwned;

use crate::error::ContentError;
use crate::validate::{problems, Validate};

/// Content files, relative to the site's base address.
pub const SITE_FILE: &str = "content/site.json";
pub const INDEX_FILE: &str = "content/articles.json";
/// Written by the build from the articles (`content::library`).
pub const LIBRARY_FILE: &str = "content/library.json";
/// Written by a development build (`trunk serve`) whose content has mistakes: each mistake,
/// as a line of a JSON list, for the page to show.
pub const PROBLEMS_FILE: &str = "content/problems.json";
/// The editors' page (a CMS in the browser, `public/admin/` in the project): not for
/// readers, so the service worker leaves it to the network and the list of what the site
/// publishes leaves it out.
pub const EDITORS_DIR: &str = "admin/";

pub fn article_file(slug: &str) -> String {
    format!("content/articles/{slug}.json")
}

/// Reads `file`'s text as content and checks it, naming the place of any error.
pub fn parse<T: DeserializeOwned + Validate>(file: &str, text: &str) -> Result<T, ContentError> {
    let malformed = |path: &str, error: serde_json::Error| {
        // serde_json's message ends "at line L column C": keep the place apart.
        let at = (error.line() > 0).then(|| (error.line(), error.column()));
        let message = error.to_string();
        let message = match at {
            Some((line, column)) => message
                .strip_suffix(&format!(" at line {line} column {column}"))
                .unwrap_or(&message)
                .to_string(),
            None => message,
        };
        ContentError::Malformed {
            file: file.to_string(),
            reason: match path {
                "" => message,
                path => format!("{path}: {message}"),
            },
            at,
        }
    };
    let mut json = serde_json::Deserializer::from_str(text);
    // Natively (`content check`, which a build runs before it publishes and whose findings a
    // development build shows on the page) a mistake is named by its field path too. The
    // browser names the file, line and column only: tracking the path costs its download
    // code for every type it reads, about 9 KiB brotli.
    #[cfg(not(target_arch = "wasm32"))]
    let value: T = serde_path_to_error::deserialize(&mut json).map_err(|error| {
        // The path is "." at the top, and ends in "?" where the parser was between keys.
        let path = error.path().to_string();
        let path = path.trim_end_matches('?').trim_end_matches('.').to_string();
        malformed(&path, error.into_inner())
    })?;
    #[cfg(target_arch = "wasm32")]
    let value = T::deserialize(&mut json).map_err(|error| malformed("", error))?;
    json.end().map_err(|error| malformed("", error))?;
    let problems = problems(&value);
    if problems.is_empty() {
        Ok(value)
    } else {
        Err(ContentError::Invalid {
            file: file.to_string(),
            problems,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SiteSettings;

    const SITE: &str = r#"{
  "clinic_name": "Clinic",
  "site_url": "https://www.example.com/",
  "phone": { "display": "(212) 555-0147", "dial": "+12125550147" },
  "booking_url": "https://booking.example.com/",
  "announcement": [{ "text": "News" }],
  "disclaimer": "Not advice."
}"#;

    /// The mistake as the page's details show it: what, where in the data, and where in the
    /// text.
    fn reason(text: &str) -> String {
        match parse::<SiteSettings>(SITE_FILE, text) {
            Err(error @ ContentError::Malformed { .. }) => error
                .to_string()
                .trim_start_matches("content/site.json is not valid content: ")
                .to_string(),
            other => panic!("expected malformed content, got {other:?}"),
        }
    }

    #[test]
    fn well_formed_content_reads() {
        let site: SiteSettings = parse(SITE_FILE, SITE).expect("valid");
        assert_eq!(site.phone.dial, "+12125550147");
        assert_eq!(site.related_posts_base_url, None);
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let text = SITE.replace("\"Clinic\",", "\"Clinic\",,");
        assert_eq!(reason(&text), "key must be a string at line 2 column 27");
        assert!(reason(&format!("{SITE} x")).contains("trailing characters at line 8"));
    }

    #[test]
    fn a_mistyped_unknown_or_missing_field_names_its_path_and_line() {
        let mistyped = SITE.replace("\"dial\": \"+12125550147\"", "\"dial\": 12125550147");
        assert_eq!(
            reason(&mistyped),
            "phone.dial: invalid type: integer `12125550147`, expected a string at line 4 \
             column 61"
        );
        let unknown = SITE.replace("\"display\"", "\"number\"");
        assert!(
            reason(&unknown)
                .starts_with("phone.number: unknown field `number`, expected `display`"),
            "{}",
            reason(&unknown)
        );
        let missing = SITE.replace(",\n  \"disclaimer\": \"Not advice.\"", "");
        assert_eq!(
            reason(&missing),
            "missing field `disclaimer` at line 7 column 1"
        );
        let kind = SITE.replace("{ \"text\": \"News\" }", "{ \"bold\": \"News\" }");
        assert!(
            reason(&kind).starts_with("announcement[0]: unknown variant `bold`"),
            "{}",
            reason(&kind)
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error() {
        let twice = SITE.replace(
            "\"clinic_name\": \"Clinic\",",
            "\"clinic_name\": \"Clinic\", \"clinic_name\": \"Other\",",
        );
        assert!(reason(&twice).starts_with("duplicate field `clinic_name`"));
        let two_kinds = SITE.replace(
            "{ \"text\": \"News\" }",
            "{ \"text\": \"News\", \"strong\": \"x\" }",
        );
        assert_eq!(
            reason(&two_kinds),
            "announcement[0]: expected value at line 6 column 35"
        );
    }
}
