//! The fake data the demo origins serve, and the pages a learner opens on
//! them (in the learner's language: [`crate::words`]).

use serde::Serialize;

use crate::words::{escape, fill_page, Lang};

/// A user of the demo API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct User {
    pub id: u32,
    pub name: &'static str,
    pub email: &'static str,
}

/// What `GET /users.json` (API origin) and `GET /api/users.json` (app origin)
/// answer.
pub const USERS: [User; 3] = [
    User {
        id: 1,
        name: "Ada Lovelace",
        email: "ada@example.test",
    },
    User {
        id: 2,
        name: "Grace Hopper",
        email: "grace@example.test",
    },
    User {
        id: 3,
        name: "Alan Turing",
        email: "alan@example.test",
    },
];

/// One line of the intranet's salary sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Salary {
    pub employee: &'static str,
    pub role: &'static str,
    pub q3_salary_usd: u32,
    /// The role's words on the intranet's page: `intranet.roles.<key>` in
    /// `locales/*/server.json` (the JSON keeps the sheet's own English).
    #[serde(skip)]
    pub role_key: &'static str,
}

/// What the intranet's `GET /salaries.json` answers (without CORS headers):
/// the same confidential sheet as its page, as data a script would want.
pub const SALARIES: [Salary; 3] = [
    Salary {
        employee: "Wile E. Coyote",
        role: "Head of R&D",
        q3_salary_usd: 48_200,
        role_key: "head_of_rd",
    },
    Salary {
        employee: "Road Runner",
        role: "Field tester",
        q3_salary_usd: 31_750,
        role_key: "field_tester",
    },
    Salary {
        employee: "Marvin M.",
        role: "Facilities",
        q3_salary_usd: 27_900,
        role_key: "facilities",
    },
];

/// The API origin's `GET /login`: a page a learner opens as a top-level page,
/// so the browser stores the API origin's cookie.
pub fn login_page(lang: Lang) -> String {
    fill_page(
        r#"<!doctype html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>
</head>
<body>
<h1>__TITLE__</h1>
<p>__COOKIE__</p>
<p>__CLOSE__</p>
</body>
</html>
"#,
        &[
            ("__LANG__", lang.tag()),
            ("__TITLE__", &lang.html("login.title", &[])),
            ("__COOKIE__", &lang.html("login.cookie", &[])),
            ("__CLOSE__", &lang.html("login.close", &[])),
        ],
    )
}

/// The intranet's confidential page: something a page from another origin
/// must never be able to read. The sheet is [`SALARIES`]; the employees'
/// names are names, kept as they are (`translate="no"`).
pub fn intranet_page(lang: Lang) -> String {
    let rows: String = SALARIES
        .iter()
        .map(|s| {
            format!(
                "    <tr><td translate=\"no\">{}</td><td>{}</td><td class=\"amount\">{}</td></tr>\n",
                escape(s.employee),
                lang.html(&format!("intranet.roles.{}", s.role_key), &[]),
                dollars(s.q3_salary_usd)
            )
        })
        .collect();
    fill_page(
        r#"<!doctype html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
  h1 { font-size: 1.4rem; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #999; padding: .3rem .8rem; text-align: left; }
  td.amount { text-align: right; }
</style>
</head>
<body>
<h1>__HEADING__</h1>
<p>__INTERNAL__</p>
<table>
  <thead><tr><th>__EMPLOYEE__</th><th>__ROLE__</th><th>__SALARY__</th></tr></thead>
  <tbody>
__ROWS__  </tbody>
</table>
</body>
</html>
"#,
        &[
            ("__LANG__", lang.tag()),
            ("__TITLE__", &lang.html("intranet.title", &[])),
            ("__HEADING__", &lang.html("intranet.heading", &[])),
            ("__INTERNAL__", &lang.html("intranet.internal", &[])),
            ("__EMPLOYEE__", &lang.html("intranet.employee", &[])),
            ("__ROLE__", &lang.html("intranet.role", &[])),
            ("__SALARY__", &lang.html("intranet.salary", &[])),
            ("__ROWS__", &rows),
        ],
    )
}

/// The intranet's answer to any other path.
pub fn intranet_not_found_page(lang: Lang) -> String {
    let words = lang.html("intranet.not_found", &[]);
    format!(
        "<!doctype html><html lang=\"{}\"><title>{words}</title><h1>{words}</h1>\n",
        lang.tag()
    )
}

/// `$48,200`.
fn dollars(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::from("$");
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Answered by the app origin when `dist/index.html` does not exist.
pub fn not_built_page(lang: Lang) -> String {
    fill_page(
        r#"<!doctype html>
<html lang="__LANG__">
<head>
<meta charset="utf-8">
<title>__TITLE__</title>
<style>body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem; }</style>
</head>
<body>
<h1>__HEADING__</h1>
<p>__NO_INDEX__</p>
<p>__RUN__</p>
</body>
</html>
"#,
        &[
            ("__LANG__", lang.tag()),
            ("__TITLE__", &lang.html("not_built.title", &[])),
            ("__HEADING__", &lang.html("not_built.heading", &[])),
            ("__NO_INDEX__", &lang.html("not_built.no_index", &[])),
            ("__RUN__", &lang.html("not_built.run", &[])),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_in_thousands() {
        assert_eq!(dollars(48_200), "$48,200");
        assert_eq!(dollars(900), "$900");
        assert_eq!(dollars(1_234_567), "$1,234,567");
    }

    /// Every page in every language: each text it uses is there (a missing
    /// key fails the lookup in tests), and the page says its language.
    #[test]
    fn every_page_in_every_language() {
        for lang in Lang::all() {
            let want = format!("<html lang=\"{}\">", lang.tag());
            for page in [
                login_page(lang),
                intranet_page(lang),
                not_built_page(lang),
                crate::attacker::page(lang, 8081),
            ] {
                assert!(page.contains(&want), "{page}");
                assert!(!page.contains("__"), "a placeholder left: {page}");
                // The script fills its own words' arguments.
                let html = page.split("<script>").next().unwrap_or_default();
                assert!(!html.contains("{{"), "an argument left: {page}");
            }
            assert!(intranet_not_found_page(lang).contains(&want));
        }
        assert!(
            intranet_page(Lang::ENGLISH).contains("ACME intranet — confidential: Q3 salary sheet")
        );
        assert!(intranet_page(Lang::ENGLISH)
            .contains("<td>Head of R&amp;D</td><td class=\"amount\">$48,200</td>"));
    }
}
