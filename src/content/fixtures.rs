//! Small articles for unit tests.

use super::model::*;

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
        description: "A sample.".into(),
        category: "Back Pain".into(),
        published: "2026-01-10".into(),
        hero: Hero {
            image: "images/hero.svg".into(),
            alt: "A hero".into(),
            width: 16,
            height: 9,
            share_image: None,
        },
        intro: vec![paragraph("Intro.")],
        sections,
        faq: Faq {
            heading: "FAQs".into(),
            items: questions
                .iter()
                .map(|question| FaqItem {
                    question: question.to_string(),
                    id: None,
                    answer: vec![paragraph("Answer.")],
                })
                .collect(),
        },
        related: vec![],
    }
}
