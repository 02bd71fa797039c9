//! JSON-LD for search engines, generated from the same content the page shows: the article as
//! a schema.org `MedicalWebPage` and its questions as an `FAQPage`.

use serde_json::json;

use super::model::{Article, Block, SiteSettings};

/// The JSON-LD document for `article`.
pub fn json_ld(article: &Article, site: &SiteSettings) -> String {
    let questions: Vec<serde_json::Value> = article
        .faq
        .items
        .iter()
        .map(|item| {
            let answer: Vec<String> = item.answer.iter().flat_map(Block::texts).collect();
            json!({
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": { "@type": "Answer", "text": answer.join("\n") },
            })
        })
        .collect();
    let document = json!({
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "MedicalWebPage",
                "url": site.article_url(&article.slug),
                "headline": article.title,
                "name": article.title,
                "description": article.description,
                "datePublished": article.published,
                "inLanguage": "en",
                "articleSection": article.category,
                "publisher": { "@type": "MedicalOrganization", "name": site.clinic_name },
            },
            { "@type": "FAQPage", "mainEntity": questions },
        ],
    });
    script_safe_json(&document)
}

/// `json` as text for a `<script>` element: `<` only occurs inside strings, where its escape
/// means the same, so no text can close the element.
pub fn script_safe_json(json: &serde_json::Value) -> String {
    json.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixtures::{article, section};
    use crate::content::model::*;

    fn site() -> SiteSettings {
        SiteSettings {
            schema: None,
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
