//! The article's outline: the id of every heading and FAQ question, derived from its text.
//! The body, the FAQ and the table of contents all take their ids from here, so a link and its
//! target can never disagree.

use std::collections::HashSet;

use crate::ids::{slugify, RESERVED_IDS, TITLE_ID};
use crate::model::{Article, Block};

/// Used when a heading has no letters or digits to make a slug from.
const FALLBACK_SLUG: &str = "section";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineEntry {
    pub id: String,
    pub text: String,
    /// The `h3` entries under an `h2`.
    pub children: Vec<OutlineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outline {
    /// One entry per section, in the article's order.
    pub sections: Vec<OutlineEntry>,
    /// The FAQ heading, when the article has an FAQ; its children are the questions.
    pub faq: Option<OutlineEntry>,
}

impl Outline {
    pub fn of(article: &Article) -> Outline {
        let mut ids = IdAllocator::new(article);
        let sections = article
            .sections
            .iter()
            .map(|section| OutlineEntry {
                id: ids.allocate(section.id.as_deref(), &section.heading),
                text: section.heading.clone(),
                children: section
                    .subsections
                    .iter()
                    .map(|sub| OutlineEntry {
                        id: ids.allocate(sub.id.as_deref(), &sub.heading),
                        text: sub.heading.clone(),
                        children: Vec::new(),
                    })
                    .collect(),
            })
            .collect();
        let faq = article.faq.as_ref().map(|faq| OutlineEntry {
            id: ids.allocate(None, &faq.heading),
            text: faq.heading.clone(),
            children: faq
                .items
                .iter()
                .map(|item| OutlineEntry {
                    id: ids.allocate(item.id.as_deref(), &item.question),
                    text: item.question.clone(),
                    children: Vec::new(),
                })
                .collect(),
        });
        Outline { sections, faq }
    }
}

/// Hands out unique ids: an explicit id as written (validation refuses clashes), otherwise the
/// heading's slug, with `-2`, `-3`… when an earlier heading already has it.
struct IdAllocator {
    taken: HashSet<String>,
}

impl IdAllocator {
    fn new(article: &Article) -> Self {
        let explicit = article
            .sections
            .iter()
            .flat_map(|section| {
                std::iter::once(&section.id).chain(section.subsections.iter().map(|sub| &sub.id))
            })
            .chain(
                article
                    .faq
                    .iter()
                    .flat_map(|faq| &faq.items)
                    .map(|item| &item.id),
            )
            .flatten()
            .cloned();
        let taken = RESERVED_IDS
            .iter()
            .map(|id| id.to_string())
            .chain(explicit)
            .collect();
        IdAllocator { taken }
    }

    fn allocate(&mut self, explicit: Option<&str>, text: &str) -> String {
        if let Some(id) = explicit {
            return id.to_string();
        }
        let slug = slugify(text);
        let base = if slug.is_empty() {
            FALLBACK_SLUG
        } else {
            &slug
        };
        let id = std::iter::once(base.to_string())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|candidate| !self.taken.contains(candidate))
            .unwrap_or_default();
        self.taken.insert(id.clone());
        id
    }
}

/// One piece of the article read aloud: a heading (with its id, so reading can start there)
/// or a paragraph or list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// The heading's id; `None` for body text.
    pub heading_id: Option<String>,
    pub text: String,
}

impl Outline {
    /// What read-aloud reads, in reading order: the title, the introduction, each section
    /// under its heading, then the FAQ's heading, questions and answers.
    pub fn passages(&self, article: &Article) -> Vec<Passage> {
        let heading = |entry: &OutlineEntry| Passage {
            heading_id: Some(entry.id.clone()),
            text: entry.text.clone(),
        };
        let body = |blocks: &[Block]| {
            blocks
                .iter()
                .flat_map(Block::texts)
                .map(|text| Passage {
                    heading_id: None,
                    text,
                })
                .collect::<Vec<_>>()
        };
        let mut passages = vec![Passage {
            heading_id: Some(TITLE_ID.to_string()),
            text: article.title.clone(),
        }];
        passages.extend(body(&article.intro));
        for (section, entry) in article.sections.iter().zip(&self.sections) {
            passages.push(heading(entry));
            passages.extend(body(&section.body));
            for (sub, sub_entry) in section.subsections.iter().zip(&entry.children) {
                passages.push(heading(sub_entry));
                passages.extend(body(&sub.body));
            }
        }
        if let (Some(faq), Some(entry)) = (&article.faq, &self.faq) {
            passages.push(heading(entry));
            for (item, question) in faq.items.iter().zip(&entry.children) {
                passages.push(heading(question));
                passages.extend(body(&item.answer));
            }
        }
        passages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{article, section};

    fn ids(entries: &[OutlineEntry]) -> Vec<(String, Vec<String>)> {
        entries
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.children.iter().map(|c| c.id.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn sections_nest_their_subsections() {
        let outline = Outline::of(&article(
            vec![
                section("Why It Hurts?", &["Posture", "Stress"]),
                section("Relief", &[]),
            ],
            &["Is it serious?"],
        ));
        assert_eq!(
            ids(&outline.sections),
            vec![
                (
                    "why-it-hurts".into(),
                    vec!["posture".into(), "stress".into()]
                ),
                ("relief".into(), vec![]),
            ]
        );
        assert_eq!(outline.sections[0].children[1].text, "Stress");
        assert_eq!(outline.faq.as_ref().expect("an FAQ").id, "faqs");
        assert_eq!(
            outline.faq.as_ref().expect("an FAQ").children[0].id,
            "is-it-serious"
        );
    }

    #[test]
    fn repeated_headings_get_numbered_ids() {
        let outline = Outline::of(&article(
            vec![
                section("Stretches", &["Tips", "Tips"]),
                section("Tips", &["Stretches"]),
            ],
            &["Tips?"],
        ));
        assert_eq!(
            ids(&outline.sections),
            vec![
                ("stretches".into(), vec!["tips".into(), "tips-2".into()]),
                ("tips-3".into(), vec!["stretches-2".into()]),
            ]
        );
        assert_eq!(
            outline.faq.as_ref().expect("an FAQ").children[0].id,
            "tips-4"
        );
    }

    #[test]
    fn explicit_ids_are_kept_and_derived_ids_avoid_them_and_the_page_own_ids() {
        let mut first = section("Posture", &[]);
        first.id = Some("tips".into());
        let outline = Outline::of(&article(
            vec![
                first,
                section("Tips", &[]),
                section("Main Content", &[]),
                section("?!", &[]),
                section("Reading Settings", &[]),
                section("App", &[]),
            ],
            &[],
        ));
        let got: Vec<String> = outline.sections.iter().map(|e| e.id.clone()).collect();
        assert_eq!(
            got,
            vec![
                "tips",
                "tips-2",
                "main-content-2",
                "section",
                "reading-settings-2",
                "app-2"
            ]
        );
    }

    #[test]
    fn passages_read_the_title_body_and_faq_in_order_with_heading_ids() {
        let sample = article(vec![section("A", &["B"])], &["Q?"]);
        let outline = Outline::of(&sample);
        let all = outline.passages(&sample);
        let passages: Vec<(Option<&str>, &str)> = all
            .iter()
            .map(|p| (p.heading_id.as_deref(), p.text.as_str()))
            .collect();
        assert_eq!(
            passages,
            vec![
                (Some(TITLE_ID), "Sample"),
                (None, "Intro."),
                (Some("a"), "A"),
                (None, "Body."),
                (Some("b"), "B"),
                (None, "Sub body."),
                (Some("faqs"), "FAQs"),
                (Some("q"), "Q?"),
                (None, "Answer."),
            ]
        );
    }
}
