//! Articles made up for measuring the site at scale (`content sample-articles N`): valid
//! content of the shipped article's shape and length, in several categories, with related
//! posts, from a vocabulary taken from real articles plus words of each article's own (as
//! every real article has names, places and terms no other has), so that the search index
//! grows as a real library's would. The same count and vocabulary always give the same articles.

use clinic_content::ids::slugify;
use clinic_content::model::*;

/// The categories of a site that lists none of its own.
const CATEGORIES: [&str; 8] = [
    "Back Pain",
    "Neck Pain",
    "Posture",
    "Sleep",
    "Exercise",
    "Headaches",
    "Sports Injuries",
    "Recovery",
];
/// Words each article has of its own.
const OWN_WORDS: usize = 40;
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ver", "sta", "nor", "bel", "tri", "xa", "pu", "den", "ro", "fy", "gal",
    "qui", "zem",
];

/// SplitMix64: a tiny, seedable sequence, so that a run can be repeated exactly.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `count` articles, slugs `sample-article-1`…, each with `hero` as its picture, written
/// from `vocabulary` (which must not be empty), filed under the site's `categories` (or, when
/// it lists none, under a few made-up ones).
pub fn sample_articles(
    count: usize,
    vocabulary: &[String],
    hero: Option<&Hero>,
    categories: &[String],
) -> Vec<Article> {
    let made_up: Vec<String> = CATEGORIES.map(String::from).to_vec();
    let categories = if categories.is_empty() {
        &made_up
    } else {
        categories
    };
    let mut sequence = Sequence(count as u64);
    (1..=count)
        .map(|number| {
            let own: Vec<String> = (0..OWN_WORDS)
                .map(|_| {
                    (0..3)
                        .map(|_| SYLLABLES[sequence.below(SYLLABLES.len())])
                        .collect()
                })
                .collect();
            let mut writer = Writer {
                sequence: &mut sequence,
                vocabulary,
                own: &own,
                categories,
            };
            writer.article(number, count, hero)
        })
        .collect()
}

struct Writer<'a> {
    sequence: &'a mut Sequence,
    vocabulary: &'a [String],
    own: &'a [String],
    categories: &'a [String],
}

impl Writer<'_> {
    fn word(&mut self) -> String {
        // One word in ten is the article's own.
        if self.sequence.below(10) == 0 {
            self.own[self.sequence.below(self.own.len())].clone()
        } else {
            self.vocabulary[self.sequence.below(self.vocabulary.len())].clone()
        }
    }

    fn words(&mut self, count: usize) -> String {
        (0..count)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn heading(&mut self) -> String {
        let length = 3 + self.sequence.below(4);
        capitalised(&self.words(length))
    }

    fn sentence(&mut self) -> String {
        let length = 8 + self.sequence.below(12);
        format!("{}.", capitalised(&self.words(length)))
    }

    fn paragraph(&mut self) -> Block {
        let sentences = 3 + self.sequence.below(3);
        let text = (0..sentences)
            .map(|_| self.sentence())
            .collect::<Vec<_>>()
            .join(" ");
        Block::Paragraph(vec![Inline::Text(text)])
    }

    fn blocks(&mut self, count: usize) -> Vec<Block> {
        (0..count).map(|_| self.paragraph()).collect()
    }

    fn article(&mut self, number: usize, count: usize, hero: Option<&Hero>) -> Article {
        let title = format!("{} {number}", self.heading());
        let sections = (0..5)
            .map(|_| Section {
                heading: self.heading(),
                id: None,
                callout: false,
                body: self.blocks(2),
                subsections: (0..2)
                    .map(|_| Subsection {
                        heading: self.heading(),
                        id: None,
                        body: self.blocks(2),
                    })
                    .collect(),
            })
            .collect();
        let items = (0..4)
            .map(|_| FaqItem {
                question: format!("{}?", self.heading()),
                id: None,
                answer: self.blocks(1),
            })
            .collect();
        let related = (0..3)
            .map(|_| {
                let other = 1 + self.sequence.below(count);
                RelatedPost {
                    title: format!("Generated article {other}"),
                    slug: generated_slug(other),
                }
            })
            .filter(|post| post.slug != generated_slug(number))
            .collect();
        Article {
            schema: None,
            slug: generated_slug(number),
            description: self.sentence(),
            category: self.categories[self.sequence.below(self.categories.len())].clone(),
            published: format!(
                "{}-{:02}-{:02}",
                2020 + self.sequence.below(7),
                1 + self.sequence.below(12),
                1 + self.sequence.below(28)
            ),
            hero: hero.cloned(),
            key_points: vec![],
            intro: self.blocks(2),
            sections,
            faq: Some(Faq {
                heading: "Frequently Asked Questions".into(),
                items,
            }),
            related,
            title,
            author: None,
            medical_reviewer: None,
            last_reviewed: None,
            next_review: None,
            sources: vec![],
            updated: None,
            old_addresses: vec![],
        }
    }
}

/// What every generated article's slug starts with.
pub const SAMPLE_SLUG_PREFIX: &str = "sample-article-";

pub fn generated_slug(number: usize) -> String {
    format!("{SAMPLE_SLUG_PREFIX}{number}")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The distinct words of `articles`, for a vocabulary.
pub fn vocabulary_of(articles: &[Article]) -> Vec<String> {
    let mut words: Vec<String> = articles
        .iter()
        .flat_map(|article| {
            let mut texts = vec![article.title.clone()];
            texts.extend(article.body_blocks().flat_map(Block::texts));
            texts
        })
        .flat_map(|text| {
            text.split_whitespace()
                .map(|word| slugify(word).replace('-', ""))
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    words.sort();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::validate::problems;

    fn hero() -> Hero {
        Hero {
            image: "images/hero.svg".into(),
            alt: "A picture".into(),
            width: 16,
            height: 9,
            share_image: None,
        }
    }

    #[test]
    fn sample_articles_are_valid_distinct_and_repeatable() {
        let vocabulary: Vec<String> = ["back", "pain", "stretch", "posture", "sleep"]
            .map(String::from)
            .to_vec();
        let articles = sample_articles(20, &vocabulary, Some(&hero()), &[]);
        assert_eq!(articles.len(), 20);
        for article in &articles {
            assert_eq!(problems(article), [], "{}", article.slug);
            assert!(article.reading_minutes() >= 3, "{}", article.slug);
        }
        let mut slugs: Vec<&str> = articles.iter().map(|a| a.slug.as_str()).collect();
        slugs.dedup();
        assert_eq!(slugs.len(), 20);
        assert_eq!(
            sample_articles(20, &vocabulary, Some(&hero()), &[]),
            articles
        );
    }
}
