//! The A to Z (`a-z/`): every article's title and other names (`also_called`), each under
//! its first letter, as the NHS and MedlinePlus list their topics: a page of letters, and a
//! page for each letter that has names.

use clinic_content::ids::readable_slug;
use clinic_content::library::{AtoZEntry, AtoZLetter, AtoZList, NAMES_PER_PAGE};
use clinic_content::Article;

/// Where names that start with a digit go, and those that start with neither a letter of A
/// to Z nor a digit (after accents are taken off: "Ébola" is under E).
const DIGITS: (&str, &str) = ("0–9", "0-9");
const OTHERS: (&str, &str) = ("Other", "other");

/// The page of letters, then each letter's pages, in order.
pub fn a_to_z_lists<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<AtoZList> {
    a_to_z_lists_of(articles, NAMES_PER_PAGE)
}

/// The page of letters, then each letter's pages of at most `per_page` names.
fn a_to_z_lists_of<'a>(
    articles: impl IntoIterator<Item = &'a Article>,
    per_page: usize,
) -> Vec<AtoZList> {
    let mut names: Vec<(String, String, AtoZEntry)> = Vec::new();
    for article in articles {
        let mut add = |name: &str, see: Option<String>| {
            let key = readable_slug(name);
            names.push((
                letter_of(&key).to_string(),
                key,
                AtoZEntry {
                    name: name.to_string(),
                    slug: article.slug.clone(),
                    see,
                },
            ));
        };
        add(&article.title, None);
        for other in &article.also_called {
            add(other, Some(article.title.clone()));
        }
    }
    names.sort_by(|a, b| (&a.1, &a.2.name).cmp(&(&b.1, &b.2.name)));
    let count = |slug: &str| names.iter().filter(|(letter, ..)| letter == slug).count();
    let mut letters: Vec<AtoZLetter> = ('a'..='z')
        .map(|letter| {
            let slug = letter.to_string();
            AtoZLetter {
                label: letter.to_ascii_uppercase().to_string(),
                count: count(&slug),
                slug,
            }
        })
        .collect();
    for (label, slug) in [DIGITS, OTHERS] {
        if count(slug) > 0 {
            letters.push(AtoZLetter {
                label: label.to_string(),
                slug: slug.to_string(),
                count: count(slug),
            });
        }
    }
    let mut lists = vec![AtoZList {
        letter: None,
        page: 1,
        pages: 1,
        letters: letters.clone(),
        entries: Vec::new(),
    }];
    let per_page = per_page.max(1);
    for letter in letters.iter().filter(|letter| letter.count > 0) {
        let entries: Vec<&AtoZEntry> = names
            .iter()
            .filter(|(of, ..)| *of == letter.slug)
            .map(|(_, _, entry)| entry)
            .collect();
        let pages = entries.len().div_ceil(per_page);
        for (number, page) in entries.chunks(per_page).enumerate() {
            lists.push(AtoZList {
                letter: Some(letter.slug.clone()),
                page: number + 1,
                pages,
                letters: letters.clone(),
                entries: page.iter().map(|entry| (*entry).clone()).collect(),
            });
        }
    }
    lists
}

/// The slug of the letter a name files under, from the name's readable slug.
fn letter_of(key: &str) -> &'static str {
    match key.bytes().next() {
        Some(first) if first.is_ascii_lowercase() => LETTERS[usize::from(first - b'a')],
        Some(first) if first.is_ascii_digit() => DIGITS.1,
        _ => OTHERS.1,
    }
}

const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

#[cfg(test)]
mod tests {
    use super::*;
    use clinic_content::fixtures::article;

    fn titled(slug: &str, title: &str, also_called: &[&str]) -> Article {
        let mut made = article(Vec::new(), &[]);
        made.slug = slug.into();
        made.title = title.into();
        made.also_called = also_called.iter().map(|name| name.to_string()).collect();
        made
    }

    #[test]
    fn each_name_is_under_its_first_letter_and_other_names_lead_to_their_article() {
        let articles = [
            titled("reflux", "Acid Reflux", &["Heartburn", "GERD"]),
            titled("ebola", "Ébola", &["2019 flu"]),
            titled("back", "Back Pain", &[]),
        ];
        let lists = a_to_z_lists(&articles);
        let shown: Vec<(Option<String>, Vec<AtoZEntry>)> = lists
            .iter()
            .map(|list| (list.letter.clone(), list.entries.clone()))
            .collect();
        let entry = |name: &str, slug: &str, see: Option<&str>| AtoZEntry {
            name: name.to_string(),
            slug: slug.to_string(),
            see: see.map(str::to_string),
        };
        assert_eq!(
            shown,
            [
                (None, vec![]),
                (Some("a".into()), vec![entry("Acid Reflux", "reflux", None)]),
                (Some("b".into()), vec![entry("Back Pain", "back", None)]),
                (Some("e".into()), vec![entry("Ébola", "ebola", None)]),
                (
                    Some("g".into()),
                    vec![entry("GERD", "reflux", Some("Acid Reflux"))]
                ),
                (
                    Some("h".into()),
                    vec![entry("Heartburn", "reflux", Some("Acid Reflux"))]
                ),
                (
                    Some("0-9".into()),
                    vec![entry("2019 flu", "ebola", Some("Ébola"))]
                ),
            ]
        );
        assert!(lists.iter().all(|list| (list.page, list.pages) == (1, 1)));
        let letters = &lists[0].letters;
        assert_eq!(letters.len(), 27, "A to Z, then 0–9 as it has a name");
        assert_eq!(letters.iter().filter(|letter| letter.count > 0).count(), 6);
    }

    #[test]
    fn a_letter_of_many_names_is_cut_into_pages() {
        let articles: Vec<Article> = (0..5)
            .map(|n| titled(&format!("a{n}"), &format!("Ache {n}"), &[]))
            .collect();
        let lists = a_to_z_lists_of(&articles, 2);
        let pages: Vec<(usize, usize, Vec<&str>)> = lists[1..]
            .iter()
            .map(|list| {
                let names = list.entries.iter().map(|e| e.name.as_str()).collect();
                (list.page, list.pages, names)
            })
            .collect();
        assert_eq!(
            pages,
            [
                (1, 3, vec!["Ache 0", "Ache 1"]),
                (2, 3, vec!["Ache 2", "Ache 3"]),
                (3, 3, vec!["Ache 4"]),
            ]
        );
        assert_eq!(lists[2].path_of(2), "a-z/a/page/2/");
        assert_eq!(lists[1].path_of(1), "a-z/a/");
    }
}
