//! How hard a text is to read, as a grade of school: the key points of an article (its gist,
//! shown first) must read at grade 8 or below, as health-literacy guidance asks of
//! patient-facing text. `content check` and the build hold every article to it.

use clinic_content::language::same_language;

/// The highest Flesch-Kincaid grade an article's key points may read at.
pub const KEY_POINTS_MAX_GRADE: f64 = 8.0;

/// The Flesch-Kincaid grade of `sentences`: 0.39 words per sentence + 11.8 syllables per
/// word − 15.59. Each item is at least one sentence; text without words has grade 0.
pub fn reading_grade(sentences: &[String]) -> f64 {
    let mut counts = (0usize, 0usize, 0usize); // sentences, words, syllables
    for item in sentences {
        let ends = item.matches(['.', '!', '?']).count();
        counts.0 += ends.max(1);
        for word in item.split_whitespace() {
            let letters: String = word
                .chars()
                .filter(|c| c.is_alphabetic())
                .flat_map(char::to_lowercase)
                .collect();
            if letters.is_empty() {
                continue;
            }
            counts.1 += 1;
            counts.2 += syllables(&letters);
        }
    }
    if counts.1 == 0 {
        return 0.0;
    }
    let (sentences, words, syllables) = (counts.0 as f64, counts.1 as f64, counts.2 as f64);
    0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
}

/// The language the grade is made for: its syllables are English vowel groups, and its
/// weights were fitted to English readers.
const GRADED_LANGUAGE: &str = "en";

/// What is wrong with `key_points`, written in the language `lang`, when they read above
/// [`KEY_POINTS_MAX_GRADE`]. Only English is graded: the formula means nothing in Spanish
/// (whose words have more syllables for the same ease) or Arabic (whose vowels are unwritten).
pub fn key_points_problem(key_points: &[String], lang: &str) -> Option<String> {
    if !same_language(lang, GRADED_LANGUAGE) {
        return None;
    }
    let grade = reading_grade(key_points);
    (grade > KEY_POINTS_MAX_GRADE).then(|| {
        format!(
            "key_points: they read at grade {grade:.1}, above the {KEY_POINTS_MAX_GRADE:.0} a \
             patient's summary should stay at or below: use shorter sentences and shorter words"
        )
    })
}

/// Syllables as vowel groups, less a silent final "e" ("stretches" 2, "spine" 1, "gentle" 2).
fn syllables(word: &str) -> usize {
    let vowel = |c: char| "aeiouy".contains(c);
    let chars: Vec<char> = word.chars().collect();
    let mut groups = 0;
    for (i, &c) in chars.iter().enumerate() {
        if vowel(c) && (i == 0 || !vowel(chars[i - 1])) {
            groups += 1;
        }
    }
    let silent_e = word.ends_with('e') && !word.ends_with("le") && groups > 1;
    (groups - usize::from(silent_e)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_vowel_groups_less_a_silent_e() {
        assert_eq!(syllables("stretches"), 2);
        assert_eq!(syllables("spine"), 1);
        assert_eq!(syllables("gentle"), 2);
        assert_eq!(syllables("inflammation"), 4);
    }

    #[test]
    fn the_grade_is_low_for_plain_words_and_high_for_long_technical_ones() {
        let plain = vec!["The cat sat on the mat.".to_string()];
        assert!(reading_grade(&plain) < 1.0, "{}", reading_grade(&plain));
        assert_eq!(key_points_problem(&plain, "en"), None);
        let technical = vec![
            "Musculoskeletal inflammation originating in the thoracic paraspinal musculature \
             frequently necessitates multidisciplinary evaluation and individualized \
             rehabilitation."
                .to_string(),
        ];
        assert!(
            reading_grade(&technical) > 12.0,
            "{}",
            reading_grade(&technical)
        );
        let problem = key_points_problem(&technical, "en-US").expect("too hard");
        assert!(
            problem.starts_with("key_points: they read at grade "),
            "{problem}"
        );
        assert_eq!(reading_grade(&[]), 0.0);
    }
}
