//! Articles made up for measuring the site at scale (`content sample-articles N`): valid
//! content of the shipped article's shape and length, in several categories, with related
//! posts, in words drawn as real text uses them: a vocabulary of several thousand (the real
//! articles' words, most common first, then made-up ones), the n-th most common word about
//! 1/n as often as the first (Zipf's law), so that a few words are in every article and most
//! in few; plus words of each article's own (as every real article has names, places and
//! terms no other has). So the search index grows as a real library's would. The same count
//! and vocabulary always give the same articles.

use std::collections::{HashMap, HashSet};

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
/// How many words the made-up articles draw from: a real library's several thousand.
const VOCABULARY_SIZE: usize = 6000;
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

    /// A number in [0, 1).
    fn fraction(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Words drawn by Zipf's law: the word of rank n (from 1) about 1/n as often as the first.
struct Zipf {
    words: Vec<String>,
    /// The sum of the weights of each word and every word before it.
    cumulative: Vec<f64>,
}

impl Zipf {
    /// `common_first` (the most common first), then made-up words up to `VOCABULARY_SIZE`.
    fn new(common_first: &[String]) -> Zipf {
        let mut seen = HashSet::new();
        let mut words: Vec<String> = common_first
            .iter()
            .filter(|word| seen.insert(word.to_string()))
            .cloned()
            .collect();
        // Two syllables or more: the numbers from 16 on, written in syllables.
        let mut number = SYLLABLES.len();
        while words.len() < VOCABULARY_SIZE {
            let word = made_up_word(number);
            if seen.insert(word.clone()) {
                words.push(word);
            }
            number += 1;
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Zipf { words, cumulative }
    }

    fn draw(&self, sequence: &mut Sequence) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let point = sequence.fraction() * total;
        let index = self.cumulative.partition_point(|&sum| sum <= point);
        &self.words[index.min(self.words.len() - 1)]
    }
}

/// The made-up word for `number`: its digits in base 16, each a syllable.
fn made_up_word(number: usize) -> String {
    let mut syllables = Vec::new();
    let mut rest = number;
    loop {
        syllables.push(SYLLABLES[rest % SYLLABLES.len()]);
        rest /= SYLLABLES.len();
        if rest == 0 {
            break;
        }
    }
    syllables.reverse();
    syllables.concat()
}

/// `count` articles, slugs `sample-article-1`…, each with `hero` as its picture, written
/// from `vocabulary` (the most common word first) and made-up words, filed under the site's
/// `categories` (or, when it lists none, under a few made-up ones).
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
    let vocabulary = Zipf::new(vocabulary);
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
                vocabulary: &vocabulary,
                own: &own,
                categories,
            };
            writer.article(number, count, hero)
        })
        .collect()
}

struct Writer<'a> {
    sequence: &'a mut Sequence,
    vocabulary: &'a Zipf,
    own: &'a [String],
    categories: &'a [String],
}

impl Writer<'_> {
    fn word(&mut self) -> String {
        // One word in ten is the article's own.
        if self.sequence.below(10) == 0 {
            self.own[self.sequence.below(self.own.len())].clone()
        } else {
            self.vocabulary.draw(self.sequence).to_string()
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
            lang: None,
            translation_of: None,
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

/// The distinct words of `articles`, the most common first (ties in alphabetical order), for
/// a vocabulary.
pub fn vocabulary_of(articles: &[Article]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for word in articles
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
    {
        *counts.entry(word).or_default() += 1;
    }
    let mut words: Vec<(String, usize)> = counts.into_iter().collect();
    words.sort_by(|(a, a_count), (b, b_count)| b_count.cmp(a_count).then_with(|| a.cmp(b)));
    words.into_iter().map(|(word, _)| word).collect()
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

    /// How many articles each word is in, and how often it is used in all.
    fn word_use(articles: &[Article]) -> (HashMap<String, usize>, HashMap<String, usize>) {
        let (mut articles_with, mut uses) = (HashMap::new(), HashMap::new());
        for article in articles {
            let mut seen = HashSet::new();
            for text in article.body_blocks().flat_map(Block::texts) {
                for word in text.split_whitespace() {
                    let word = word.trim_end_matches(['.', '?']).to_lowercase();
                    *uses.entry(word.clone()).or_insert(0) += 1;
                    if seen.insert(word.clone()) {
                        *articles_with.entry(word).or_insert(0) += 1;
                    }
                }
            }
        }
        (articles_with, uses)
    }

    #[test]
    fn words_are_used_as_in_real_text_a_few_everywhere_and_most_in_few_articles() {
        let vocabulary =
            vocabulary_of(&[sample_articles(1, &["pain".into()], None, &[]).remove(0)]);
        let articles = sample_articles(50, &vocabulary, None, &[]);
        let (articles_with, uses) = word_use(&articles);
        assert!(
            articles_with.len() > 3000,
            "several thousand words in use: {}",
            articles_with.len()
        );
        let everywhere = articles_with
            .values()
            .filter(|&&n| n == articles.len())
            .count();
        assert!(
            everywhere < 50,
            "a few words in every article, not the vocabulary: {everywhere}"
        );
        let mut counts: Vec<usize> = uses.into_values().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let ratio = counts[0] as f64 / counts[99] as f64;
        assert!(
            (30.0..300.0).contains(&ratio),
            "the 100th most used word about 1/100 as often as the first: {ratio}"
        );
    }
}
