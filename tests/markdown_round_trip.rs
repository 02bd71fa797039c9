//! The Markdown the importer writes reads back as the article it was written from, whatever
//! the text holds: Markdown's own marks (`*`, `_`, `[`, `#`, `|`, `` ` ``…) stay text.

use proptest::prelude::*;

use clinic_content::model::{
    Article, Block, Faq, FaqItem, Figure, Hero, Inline, Link, Section, Subsection, Table,
};
use clinic_editor::markdown::{read_article, write_article};

/// Words of letters, digits and the characters Markdown reads as marks, joined by single
/// spaces: text as the importer leaves it.
fn words() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z0-9*_\\[\\]()<>#|!&`~{}\\\\+=.:;'\"%/-]{1,7}", 1..5)
        .prop_map(|words| words.join(" "))
}

/// A run of rich text: plain words between marked-up ones, with spaces around the markup.
fn rich_text() -> impl Strategy<Value = Vec<Inline>> {
    let marked = prop_oneof![
        words().prop_map(Inline::Strong),
        words().prop_map(Inline::Emphasis),
        (
            words(),
            prop::sample::select(vec![
                "https://example.org/a_b(c)",
                "/articles/x/",
                "mailto:care@example.org",
                "tel:+15550100",
            ])
        )
            .prop_map(|(text, href)| Inline::Link(Link {
                text,
                href: href.to_string()
            })),
        words().prop_map(Inline::BookingLink),
    ];
    (words(), prop::collection::vec((marked, words()), 0..3)).prop_map(|(first, rest)| {
        let mut runs = vec![Inline::Text(first)];
        for (marked, after) in rest {
            if let Some(Inline::Text(last)) = runs.last_mut() {
                last.push(' ');
            }
            runs.push(marked);
            runs.push(Inline::Text(format!(" {after}")));
        }
        runs
    })
}

fn figure() -> impl Strategy<Value = Figure> {
    (words(), prop::option::of(words())).prop_map(|(alt, caption)| Figure {
        image: "images/x.svg".into(),
        alt,
        width: 300,
        height: 200,
        caption,
    })
}

fn table() -> impl Strategy<Value = Table> {
    (1usize..4).prop_flat_map(|columns| {
        (
            prop::option::of(words()),
            prop::collection::vec(words(), columns),
            prop::collection::vec(prop::collection::vec(rich_text(), columns), 1..3),
        )
            .prop_map(|(caption, header, rows)| Table {
                caption,
                header,
                rows,
            })
    })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        rich_text().prop_map(Block::Paragraph),
        prop::collection::vec(rich_text(), 1..3).prop_map(Block::List),
        prop::collection::vec(rich_text(), 1..3).prop_map(Block::NumberedList),
        table().prop_map(Block::Table),
        figure().prop_map(Block::Figure),
    ]
}

fn blocks() -> impl Strategy<Value = Vec<Block>> {
    prop::collection::vec(block(), 1..3)
}

fn article() -> impl Strategy<Value = Article> {
    let section = (
        words(),
        blocks(),
        prop::collection::vec((words(), blocks()), 0..2),
    )
        .prop_map(|(heading, body, parts)| Section {
            heading,
            id: None,
            callout: false,
            body,
            subsections: parts
                .into_iter()
                .map(|(heading, body)| Subsection {
                    heading,
                    id: None,
                    body,
                })
                .collect(),
        });
    let faq =
        prop::option::of(
            prop::collection::vec((words(), blocks()), 1..3).prop_map(|items| Faq {
                heading: "Questions People Ask".into(),
                items: items
                    .into_iter()
                    .map(|(question, answer)| FaqItem {
                        question,
                        id: None,
                        answer,
                    })
                    .collect(),
            }),
        );
    (
        words(),
        words(),
        blocks(),
        prop::collection::vec(section, 0..3),
        faq,
        any::<bool>(),
        prop::collection::vec(words(), 0..3),
        prop::option::of(prop::sample::select(vec!["es", "ar", "pt-BR", "zh-Hant"])),
        any::<bool>(),
    )
        .prop_map(
            |(title, description, intro, sections, faq, hero, also_called, lang, translated)| {
                Article {
                    schema: Some("../../../schemas/article.schema.json".into()),
                    slug: "a-round-trip".into(),
                    title,
                    lang: lang.map(str::to_string),
                    translation_of: translated.then(|| "the-original".into()),
                    description,
                    category: "Tests".into(),
                    published: "2026-02-03".into(),
                    hero: hero.then(|| Hero {
                        image: "images/x.svg".into(),
                        alt: "A picture".into(),
                        width: 300,
                        height: 200,
                        share_image: None,
                    }),
                    key_points: vec![],
                    intro,
                    sections,
                    faq,
                    related: vec![],
                    author: None,
                    medical_reviewer: None,
                    last_reviewed: None,
                    next_review: None,
                    sources: vec![],
                    updated: None,
                    old_addresses: vec![],
                    also_called,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn written_markdown_reads_back_as_the_same_article(article in article()) {
        let site = tempfile::tempdir().expect("a folder");
        std::fs::create_dir(site.path().join("images")).expect("a folder");
        std::fs::write(
            site.path().join("images/x.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 200\"/>",
        )
        .expect("write");
        let markdown = write_article(&article).expect("written");
        let read = read_article(&markdown, &article.slug, site.path());
        prop_assert_eq!(read.as_ref().ok(), Some(&article), "{}\n{:?}", markdown, read.as_ref().err());
    }
}
