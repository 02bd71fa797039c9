//! JSON-LD for search engines, generated from the same content the page shows: the article as
//! a schema.org `MedicalWebPage` (with its author, medical reviewer, review date, sources and
//! the clinic as publisher), its questions (when it has some) as an `FAQPage`, and every page's breadcrumbs as a
//! `BreadcrumbList`.

use serde_json::{json, Map, Value};

use crate::language::{Translations, Version};
use crate::library::{trail_to_article, Crumb, ListLanguage};
use crate::model::{Article, Block, Person, SiteSettings, Source};
use crate::words::Words;

/// The JSON-LD document for `article`.
pub fn json_ld(
    article: &Article,
    site: &SiteSettings,
    words: &Words,
    translations: &Translations,
) -> String {
    let faq_page = article.faq.as_ref().map(|faq| {
        let questions: Vec<Value> = faq
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
        json!({ "@type": "FAQPage", "mainEntity": questions })
    });
    let mut page = json!({
        "@type": "MedicalWebPage",
        "url": site.article_url(&article.slug),
        "headline": article.title,
        "name": article.title,
        "description": article.description,
        "datePublished": article.published,
        "inLanguage": site.language_of(article),
        // A web page has no articleSection (an Article's); its category is what it is about.
        "about": { "@type": "Thing", "name": article.category },
        "publisher": publisher(site),
    });
    let person = |id: &Option<String>| {
        let person = site.person(id.as_deref()?)?;
        Some(person_json(person, site))
    };
    let citations: Vec<Value> = article.sources.iter().map(citation).collect();
    let optional = [
        ("author", person(&article.author)),
        ("reviewedBy", person(&article.medical_reviewer)),
        (
            "lastReviewed",
            article.last_reviewed.clone().map(Value::from),
        ),
        (
            "dateModified",
            article
                .updated
                .as_ref()
                .map(|u| Value::from(u.date.clone())),
        ),
        (
            "citation",
            (!citations.is_empty()).then(|| citations.into()),
        ),
    ];
    add_present(&mut page, optional);
    // The original names its translations; a translation, its original.
    let url_of = |version: &Version| json!({ "@id": site.article_url(&version.slug) });
    if let Some(object) = page.as_object_mut() {
        match translations.original() {
            Some(original) if original.slug == article.slug => {
                let others: Vec<Value> = translations
                    .versions
                    .iter()
                    .filter(|version| !version.original)
                    .map(url_of)
                    .collect();
                object.insert("workTranslation".into(), others.into());
            }
            Some(original) => {
                object.insert("translationOfWork".into(), url_of(original));
            }
            None => {}
        }
    }
    let graph: Vec<Value> = std::iter::once(page)
        .chain(faq_page)
        .chain([breadcrumb_list(
            &trail_to_article(
                article,
                &ListLanguage::of(site, site.language_of(article)),
                words,
            ),
            site,
        )])
        .collect();
    let document = json!({ "@context": "https://schema.org", "@graph": graph });
    script_safe_json(&document)
}

/// The clinic, as the publisher of every article.
fn publisher(site: &SiteSettings) -> Value {
    let mut clinic = json!({
        "@type": "MedicalClinic",
        "name": site.clinic_name,
        "url": site.site_url,
        "telephone": site.phone.dial,
    });
    let address = site.address.as_ref().map(|address| {
        let mut postal = json!({
            "@type": "PostalAddress",
            "streetAddress": address.street,
            "addressLocality": address.locality,
            "postalCode": address.postal_code,
            "addressCountry": address.country,
        });
        add_present(
            &mut postal,
            [("addressRegion", address.region.clone().map(Value::from))],
        );
        postal
    });
    let policy = site
        .editorial_policy_url
        .as_ref()
        .map(|url| absolute(url, site).into());
    add_present(
        &mut clinic,
        [("address", address), ("publishingPrinciples", policy)],
    );
    clinic
}

fn person_json(person: &Person, site: &SiteSettings) -> Value {
    let mut json = json!({ "@type": "Person", "name": person.name });
    let credential = person.credentials.as_ref().map(
        |credentials| json!({ "@type": "EducationalOccupationalCredential", "name": credentials }),
    );
    add_present(
        &mut json,
        [
            ("hasCredential", credential),
            ("jobTitle", person.role.clone().map(Value::from)),
            (
                "image",
                person.photo.as_ref().map(|p| site.file_url(p).into()),
            ),
            (
                "url",
                person
                    .profile_url
                    .as_ref()
                    .map(|u| absolute(u, site).into()),
            ),
        ],
    );
    json
}

fn citation(source: &Source) -> Value {
    let mut work = json!({ "@type": "CreativeWork", "name": source.title });
    let publisher = source
        .publisher
        .as_ref()
        .map(|name| json!({ "@type": "Organization", "name": name }));
    add_present(
        &mut work,
        [
            ("publisher", publisher),
            ("datePublished", source.year.map(|y| y.to_string().into())),
            ("url", source.url.clone().map(Value::from)),
        ],
    );
    work
}

/// Adds each field that has a value to the object `json`.
fn add_present<const N: usize>(json: &mut Value, fields: [(&str, Option<Value>); N]) {
    if let Some(object) = json.as_object_mut() {
        let present = fields
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_string(), v?)));
        object.extend(present.collect::<Map<String, Value>>());
    }
}

/// A link address as an absolute URL: a path on this site starts from the site's origin.
fn absolute(href: &str, site: &SiteSettings) -> String {
    if !href.starts_with('/') {
        return href.to_string();
    }
    let after_scheme = site.site_url.find("://").map_or(0, |at| at + 3);
    let origin_end = site.site_url[after_scheme..]
        .find('/')
        .map_or(site.site_url.len(), |at| after_scheme + at);
    format!("{}{href}", &site.site_url[..origin_end])
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
/// means the same, so no text can close the element. Keys are sorted, so the build (whose
/// editors' tools keep serde_json's maps in insertion order) and the browser write the same
/// text.
pub fn script_safe_json(json: &serde_json::Value) -> String {
    let mut sorted = json.clone();
    sorted.sort_all_objects();
    sorted.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{self, article, section, words};
    use crate::model::*;

    fn site() -> SiteSettings {
        SiteSettings {
            clinic_name: "Apex \"Spine\" <Care>".into(),
            ..fixtures::site()
        }
    }

    #[test]
    fn text_is_escaped_into_valid_json_that_cannot_close_the_script() {
        let json = json_ld(
            &article(vec![section("A", &[])], &["Q\\1\n\t?"]),
            &site(),
            &words(),
            &Translations::default(),
        );
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
        let json = json_ld(
            &article(vec![section("A", &[])], &["Q?"]),
            &site(),
            &words(),
            &Translations::default(),
        );
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

    #[test]
    fn the_page_names_its_people_review_sources_and_publisher() {
        let mut site = site();
        site.site_url = "https://www.example.com/clinic/".into();
        site.editorial_policy_url = Some("/editorial-policy".into());
        site.address = Some(PostalAddress {
            street: "1 Example Road".into(),
            locality: "Springfield".into(),
            region: None,
            postal_code: "00000".into(),
            country: "US".into(),
        });
        site.people = vec![Person {
            id: "sam".into(),
            name: "Sam Sample".into(),
            credentials: Some("MD".into()),
            role: Some("Physician".into()),
            photo: Some("images/sam.jpg".into()),
            profile_url: None,
        }];
        let mut sample = article(vec![section("A", &[])], &["Q?"]);
        sample.author = Some("sam".into());
        sample.medical_reviewer = Some("sam".into());
        sample.last_reviewed = Some("2026-02-01".into());
        sample.updated = Some(Update {
            date: "2026-03-01".into(),
            note: "New advice.".into(),
        });
        sample.sources = vec![Source {
            title: "Back pain".into(),
            publisher: Some("A Health Service".into()),
            year: Some(2024),
            url: Some("https://health.example.org/back-pain".into()),
        }];
        let json: serde_json::Value =
            serde_json::from_str(&json_ld(&sample, &site, &words(), &Translations::default()))
                .expect("valid JSON");
        let page = &json["@graph"][0];
        assert_eq!(page["author"]["name"], "Sam Sample");
        assert_eq!(page["reviewedBy"]["hasCredential"]["name"], "MD");
        assert_eq!(page["reviewedBy"]["jobTitle"], "Physician");
        assert_eq!(
            page["reviewedBy"]["image"],
            "https://www.example.com/clinic/images/sam.jpg"
        );
        assert_eq!(page["lastReviewed"], "2026-02-01");
        assert_eq!(page["dateModified"], "2026-03-01");
        assert_eq!(page["citation"][0]["name"], "Back pain");
        assert_eq!(page["citation"][0]["publisher"]["name"], "A Health Service");
        assert_eq!(page["citation"][0]["datePublished"], "2024");
        assert_eq!(page["publisher"]["@type"], "MedicalClinic");
        assert_eq!(
            page["publisher"]["address"]["addressLocality"],
            "Springfield"
        );
        assert_eq!(
            page["publisher"]["publishingPrinciples"],
            "https://www.example.com/editorial-policy"
        );
    }

    #[test]
    fn what_an_article_leaves_out_is_absent_from_its_page() {
        let json: serde_json::Value = serde_json::from_str(&json_ld(
            &article(vec![section("A", &[])], &["Q?"]),
            &site(),
            &words(),
            &Translations::default(),
        ))
        .expect("valid JSON");
        let page = json["@graph"][0].as_object().expect("an object");
        for field in [
            "author",
            "reviewedBy",
            "lastReviewed",
            "dateModified",
            "citation",
        ] {
            assert!(!page.contains_key(field), "{field} in {page:?}");
        }
        assert!(!page["publisher"]
            .as_object()
            .expect("publisher")
            .contains_key("address"));
    }
}
