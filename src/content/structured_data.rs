//! JSON-LD for search engines, generated from the same content the page shows: the article as
//! a schema.org `MedicalWebPage`, its questions as an `FAQPage`, and every page's breadcrumbs
//! as a `BreadcrumbList`.

use serde_json::json;

use super::library::{trail_to_article, Crumb};
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
            breadcrumb_list(&trail_to_article(article), site),
        ],
    });
    script_safe_json(&document)
}

/// The JSON-LD document of a page that is only its breadcrumbs.
pub fn breadcrumbs_json_ld(trail: &[Crumb], site: &SiteSettings) -> String {
    script_safe_json(&json!({
        "@context": "https://schema.org",
        "@graph": [breadcrumb_list(trail, site)],
    }))
}

fn breadcrumb_list(trail: &[Crumb], site: &SiteSettings) -> serde_json::Value {
    let items: Vec<serde_json::Value> = trail
        .iter()
        .enumerate()
        .map(|(index, crumb)| {
            json!({
                "@type": "ListItem",
                "position": index + 1,
                "name": crumb.name,
                "item": site.file_url(&crumb.path),
            })
        })
        .collect();
    json!({ "@type": "BreadcrumbList", "itemListElement": items })
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

    #[test]
    fn breadcrumbs_run_from_the_home_page_to_the_article() {
        let json = json_ld(&article(vec![section("A", &[])], &["Q?"]), &site());
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let items = &value["@graph"][2]["itemListElement"];
        assert_eq!(value["@graph"][2]["@type"], "BreadcrumbList");
        assert_eq!(items[0]["item"], "https://www.example.com/");
        assert_eq!(items[1]["name"], "Back Pain");
        assert_eq!(
            items[1]["item"],
            "https://www.example.com/categories/back-pain/"
        );
        assert_eq!(items[2]["position"], 3);
        assert_eq!(items[2]["item"], "https://www.example.com/articles/sample/");
    }
}
