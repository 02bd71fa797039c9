//! The stylesheet every page inlines (`style/main.css`), as it ships.

/// The stylesheet as the pages inline it: parsed and minified by Lightning CSS, so without the
/// comments and spaces that only its authors read, and with every declaration still valid
/// (the spaces around `+` and `-` in `calc()` and `clamp()` are kept). A stylesheet that does
/// not parse is an error, never shipped. Its hash is what the Content-Security-Policy allows
/// (`crate::derived_files`).
///
/// Shipping a shipped stylesheet changes nothing, so a build finished twice (the pages
/// pre-rendered again after an edit) inlines what the policy allows: Lightning CSS reorders
/// logical properties such as `inset-inline-start` on a second pass, so it minifies until
/// the text settles.
pub fn shipped_stylesheet(css: &str) -> Result<String, String> {
    let mut shipped = minified(css)?;
    for _ in 0..MINIFY_PASSES {
        let again = minified(&shipped)?;
        if again == shipped {
            break;
        }
        shipped = again;
    }
    Ok(shipped)
}

/// More than Lightning CSS has ever needed to settle (two).
const MINIFY_PASSES: usize = 4;

fn minified(css: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let invalid =
        |error: &dyn std::fmt::Display| format!("the stylesheet is not valid CSS: {error}");
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| invalid(&e))?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| invalid(&e))?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| invalid(&e))?;
    Ok(printed.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn math_functions_keep_the_spaces_css_requires_around_plus_and_minus() {
        let shipped = shipped_stylesheet(
            "h1 { font-size: clamp(1.75rem, 1.3rem + 2vw, 2.5rem); }\n\
             .a { width: calc(100vw - 2 * var(--space)); }",
        )
        .expect("a stylesheet");
        assert!(shipped.contains("1.3rem + 2vw"), "{shipped}");
        assert!(shipped.contains("100vw - 2"), "{shipped}");
    }

    #[test]
    fn shipping_a_shipped_stylesheet_changes_nothing() {
        for css in [
            ".skip-link { margin: 0; position: absolute; inset-inline-start: 1rem; top: -10rem; \
             z-index: 10; padding: 0.5rem 1rem; background: white; border-radius: 4px; }",
            include_str!("../../../style/main.css"),
        ] {
            let shipped = shipped_stylesheet(css).expect("a stylesheet");
            assert_eq!(shipped_stylesheet(&shipped).expect("a stylesheet"), shipped);
        }
    }

    #[test]
    fn a_stylesheet_that_does_not_parse_is_never_shipped() {
        let error = shipped_stylesheet("h1 { color: red; } }{ @media {").expect_err("invalid");
        assert!(
            error.starts_with("the stylesheet is not valid CSS"),
            "{error}"
        );
    }
}
