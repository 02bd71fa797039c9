//! Writes the search index (`content/search-index.bin`) from the articles: every word of a
//! title, heading, paragraph, list item, FAQ question and answer, with the place it occurs in
//! and the kind of text it was found in. Its format, and the query the browser runs on it,
//! are `clinic_content::search`.

use std::collections::HashMap;

use clinic_content::ids::slugify;
use clinic_content::model::{Article, Block};
use clinic_content::outline::{Outline, OutlineEntry};
use clinic_content::search::{is_stop_word, words, Field, IndexedArticle, Place, SearchIndex};

/// The index of `articles`, each in the order given (which breaks ties between results).
pub fn search_index<'a>(articles: impl IntoIterator<Item = &'a Article>) -> SearchIndex {
    let mut builder = Builder::default();
    for article in articles {
        builder.add(article);
    }
    builder.finish()
}

/// Collects every word of every article with the place and field it was found in.
#[derive(Default)]
struct Builder {
    articles: Vec<IndexedArticle>,
    places: Vec<Place>,
    /// term -> place -> the field that counts most there
    terms: HashMap<String, HashMap<u32, Field>>,
}

impl Builder {
    fn add(&mut self, article: &Article) {
        let number = self.articles.len() as u32;
        self.articles.push(IndexedArticle {
            slug: article.slug.clone(),
            title: article.title.clone(),
            category: article.category.clone(),
        });
        let outline = Outline::of(article);
        let top = self.place(number, None);
        self.text(top, Field::Title, &article.title);
        self.blocks(top, &article.intro);
        for (section, entry) in article.sections.iter().zip(&outline.sections) {
            let place = self.place(number, Some(entry));
            self.text(place, Field::Heading, &section.heading);
            self.blocks(place, &section.body);
            for (sub, entry) in section.subsections.iter().zip(&entry.children) {
                let place = self.place(number, Some(entry));
                self.text(place, Field::Heading, &sub.heading);
                self.blocks(place, &sub.body);
            }
        }
        let questions = article.faq.iter().flat_map(|faq| &faq.items);
        let entries = outline.faq.iter().flat_map(|faq| &faq.children);
        for (item, entry) in questions.zip(entries) {
            let place = self.place(number, Some(entry));
            self.text(place, Field::Heading, &item.question);
            self.blocks(place, &item.answer);
        }
    }

    fn place(&mut self, article: u32, entry: Option<&OutlineEntry>) -> u32 {
        self.places.push(Place {
            article,
            heading: entry.map(|entry| entry.text.clone()),
            other_id: entry
                .filter(|entry| entry.id != slugify(&entry.text))
                .map(|entry| entry.id.clone()),
        });
        self.places.len() as u32 - 1
    }

    fn blocks(&mut self, place: u32, blocks: &[Block]) {
        for text in blocks.iter().flat_map(Block::texts) {
            self.text(place, Field::Body, &text);
        }
    }

    fn text(&mut self, place: u32, field: Field, text: &str) {
        for word in words(text) {
            if is_stop_word(&word) {
                continue;
            }
            let best = self
                .terms
                .entry(word)
                .or_default()
                .entry(place)
                .or_insert(field);
            *best = (*best).max(field);
        }
    }

    fn finish(self) -> SearchIndex {
        let mut terms: Vec<(String, HashMap<u32, Field>)> = self.terms.into_iter().collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        let mut map = fst::MapBuilder::memory();
        let mut postings = Vec::with_capacity(terms.len());
        for (number, (term, places)) in terms.into_iter().enumerate() {
            // Sorted and unique, as the map needs: it cannot fail.
            let _ = map.insert(term, number as u64);
            let mut list: Vec<u32> = places
                .into_iter()
                .map(|(place, field)| place << 2 | field as u32)
                .collect();
            list.sort_unstable();
            let mut last = 0;
            postings.push(
                list.into_iter()
                    .map(|posting| {
                        let delta = posting - last;
                        last = posting;
                        delta
                    })
                    .collect(),
            );
        }
        SearchIndex {
            articles: self.articles,
            places: self.places,
            terms: map.into_inner().unwrap_or_default(),
            postings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::fixtures::{article, paragraph, section};
    use clinic_content::model::FaqItem;

    fn library() -> SearchIndex {
        let mut stretching = article(
            vec![section("Gentle Stretches", &["Shoulder Rolls"])],
            &["Can I stretch at work?"],
        );
        stretching.slug = "stretching".into();
        stretching.title = "Stretching for Stiffness".into();
        stretching
            .faq
            .as_mut()
            .expect("an FAQ")
            .items
            .push(FaqItem {
                question: "What about posture?".into(),
                id: None,
                answer: vec![paragraph("Keep your monitor at eye level.")],
            });
        let mut sleep = article(vec![section("Pillows and Mattresses", &[])], &["Q?"]);
        sleep.slug = "sleep".into();
        sleep.title = "Sleeping Without Back Pain".into();
        sleep.intro = vec![paragraph("Stretching before bed can help.")];
        let index = search_index([&stretching, &sleep]);
        SearchIndex::from_bytes(&index.to_bytes()).expect("reads back")
    }

    fn found(query: &str) -> Vec<(String, Option<String>)> {
        library()
            .search(query, 10)
            .into_iter()
            .map(|result| (result.slug, result.section_id))
            .collect()
    }

    #[test]
    fn a_title_outranks_body_text() {
        let results = found("stretching ");
        assert_eq!(results[0].0, "stretching");
        assert_eq!(results[1], ("sleep".to_string(), None));
    }

    #[test]
    fn a_heading_leads_to_its_section() {
        assert_eq!(
            found("pillows "),
            [(
                "sleep".to_string(),
                Some("pillows-and-mattresses".to_string())
            )]
        );
        assert_eq!(
            found("shoulder"),
            [("stretching".to_string(), Some("shoulder-rolls".to_string()))]
        );
    }

    #[test]
    fn the_last_word_matches_as_a_prefix_while_typing() {
        assert_eq!(found("mattr").len(), 1);
        assert!(
            found("mattr ").is_empty(),
            "a finished word must match whole"
        );
        assert!(found("m").is_empty(), "one letter is too little to go on");
    }

    #[test]
    fn one_typo_is_forgiven_in_words_of_five_letters_or_more() {
        assert_eq!(found("pilows ").len(), 1);
        assert_eq!(found("monitr ").len(), 1);
        assert!(found("bak ").is_empty(), "a short word must be spelt right");
        assert!(found("pilowz ").is_empty(), "two typos are too many");
    }

    #[test]
    fn a_section_keeps_an_id_other_than_its_headings_slug() {
        let mut article = article(vec![section("Same", &[]), section("Same", &[])], &["Q?"]);
        article.sections[1].heading = "Same".into();
        article.sections[0].id = Some("first-one".into());
        let index = search_index([&article]);
        let ids: Vec<Option<String>> = index
            .search("same ", 10)
            .iter()
            .map(|r| r.section_id.clone())
            .collect();
        assert_eq!(ids, [Some("first-one".to_string())]);
        let places: Vec<Option<String>> = index.places.iter().map(Place::id).collect();
        assert!(places.contains(&Some("same".to_string())), "{places:?}");
    }

    #[test]
    fn an_faq_answer_leads_to_its_question() {
        assert_eq!(
            found("monitor "),
            [(
                "stretching".to_string(),
                Some("what-about-posture".to_string())
            )]
        );
    }

    #[test]
    fn every_word_must_match_and_stop_words_are_ignored() {
        assert_eq!(found("stretching the pillows ").len(), 1);
        assert!(found("pillows monitor ").is_empty());
        assert!(found("the ").is_empty());
    }
}
