//! Small articles for unit tests.

use crate::model::*;

pub fn paragraph(text: &str) -> Block {
    Block::Paragraph(vec![Inline::Text(text.into())])
}

pub fn section(heading: &str, subsections: &[&str]) -> Section {
    Section {
        heading: heading.into(),
        id: None,
        callout: false,
        body: vec![paragraph("Body.")],
        subsections: subsections
            .iter()
            .map(|heading| Subsection {
                heading: heading.to_string(),
                id: None,
                body: vec![paragraph("Sub body.")],
            })
            .collect(),
    }
}

pub fn article(sections: Vec<Section>, questions: &[&str]) -> Article {
    Article {
        schema: None,
        slug: "sample".into(),
        title: "Sample".into(),
        lang: None,
        translation_of: None,
        description: "A sample.".into(),
        category: "Back Pain".into(),
        published: "2026-01-10".into(),
        hero: Some(Hero {
            image: "images/hero.svg".into(),
            alt: "A hero".into(),
            width: 16,
            height: 9,
            share_image: None,
        }),
        key_points: vec![],
        intro: vec![paragraph("Intro.")],
        sections,
        faq: Some(Faq {
            heading: "FAQs".into(),
            items: questions
                .iter()
                .map(|question| FaqItem {
                    question: question.to_string(),
                    id: None,
                    answer: vec![paragraph("Answer.")],
                })
                .collect(),
        }),
        related: vec![],
        author: None,
        medical_reviewer: None,
        last_reviewed: None,
        next_review: None,
        sources: vec![],
        updated: None,
        old_addresses: vec![],
        also_called: vec![],
    }
}

pub fn site() -> SiteSettings {
    SiteSettings {
        schema: None,
        clinic_name: "Clinic".into(),
        language: None,
        site_url: "https://www.example.com/".into(),
        phone: Phone {
            display: "(212) 555-0147".into(),
            dial: "+12125550147".into(),
        },
        booking_url: "https://booking.example.com".into(),
        announcement: vec![Inline::Text("News".into())],
        disclaimer: "Not advice.".into(),
        related_posts_base_url: None,
        address: None,
        editorial_policy_url: None,
        report_mistake_url: None,
        review_interval_months: None,
        people: vec![],
        categories: vec![],
        in_languages: Vec::new(),
    }
}

/// The interface's words in English, as the site ships them.
pub fn words() -> crate::words::Words {
    serde_json::from_str(include_str!("../../../public/content/locales/en.json"))
        .expect("the shipped English table")
}

/// Every article in English, as a search index names it.
pub fn in_english(_: &Article) -> crate::search::SearchLanguage {
    crate::search::SearchLanguage {
        tag: "en".into(),
        name: "English".into(),
    }
}
