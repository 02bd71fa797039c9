//! JSON-LD for search engines, generated from the same content the page shows: the article as
//! a schema.org `MedicalWebPage` and its questions as an `FAQPage`.
//!
//! Written by hand rather than with serde_json, which would add its parser and formatter to
//! the wasm for one small document.

use super::model::{Article, Block, SiteSettings};

/// The JSON-LD document for `article`.
pub fn json_ld(article: &Article, site: &SiteSettings) -> String {
    let publisher = Json::object([
        ("@type", Json::str("MedicalOrganization")),
        ("name", Json::str(&site.clinic_name)),
    ]);
    let page = Json::object([
        ("@type", Json::str("MedicalWebPage")),
        ("url", Json::str(&site.article_url(&article.slug))),
        ("headline", Json::str(&article.title)),
        ("name", Json::str(&article.title)),
        ("description", Json::str(&article.description)),
        ("datePublished", Json::str(&article.published)),
        ("inLanguage", Json::str("en")),
        ("articleSection", Json::str(&article.category)),
        ("publisher", publisher),
    ]);
    let questions = article.faq.items.iter().map(|item| {
        let answer: Vec<String> = item.answer.iter().flat_map(Block::texts).collect();
        Json::object([
            ("@type", Json::str("Question")),
            ("name", Json::str(&item.question)),
            (
                "acceptedAnswer",
                Json::object([
                    ("@type", Json::str("Answer")),
                    ("text", Json::str(&answer.join("\n"))),
                ]),
            ),
        ])
    });
    let faq = Json::object([
        ("@type", Json::str("FAQPage")),
        ("mainEntity", Json::array(questions)),
    ]);
    Json::object([
        ("@context", Json::str("https://schema.org")),
        ("@graph", Json::array([page, faq])),
    ])
    .0
}

/// A serialized JSON value.
struct Json(String);

impl Json {
    fn str(text: &str) -> Json {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        for ch in text.chars() {
            match ch {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                // `<` escaped so that no text can close the surrounding <script>.
                '<' => out.push_str("\\u003c"),
                ch if u32::from(ch) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(ch))),
                ch => out.push(ch),
            }
        }
        out.push('"');
        Json(out)
    }

    fn object<'a>(fields: impl IntoIterator<Item = (&'a str, Json)>) -> Json {
        let fields: Vec<String> = fields
            .into_iter()
            .map(|(key, value)| format!("{}:{}", Json::str(key).0, value.0))
            .collect();
        Json(format!("{{{}}}", fields.join(",")))
    }

    fn array(items: impl IntoIterator<Item = Json>) -> Json {
        let items: Vec<String> = items.into_iter().map(|item| item.0).collect();
        Json(format!("[{}]", items.join(",")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{article, section};
    use crate::content::model::*;

    fn site() -> SiteSettings {
        SiteSettings {
            clinic_name: "Apex \"Spine\" <Care>".into(),
            site_url: "https://www.example.com/".into(),
            phone: Phone {
                display: "x".into(),
                dial: "+1".into(),
            },
            booking_url: "https://example.com".into(),
            announcement: vec![],
            disclaimer: "x".into(),
            related_posts_base_url: None,
        }
    }

    #[test]
    fn text_is_escaped_into_valid_json_that_cannot_close_the_script() {
        let json = json_ld(&article(vec![section("A", &[])], &["Q\\1\n\t?"]), &site());
        assert!(!json.contains('<'));
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(
            value["@graph"][0]["publisher"]["name"],
            "Apex \"Spine\" <Care>"
        );
        assert_eq!(value["@graph"][1]["mainEntity"][0]["name"], "Q\\1\n\t?");
    }
}
