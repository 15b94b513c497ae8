//! The error explainer (`/explain`) in Traditional Chinese: every kind of
//! message it reads — each CORS failure in each browser's words, the rules
//! next to CORS, network failures, JavaScript's view, what is not CORS, text
//! it cannot read — is explained with no English left outside code. What
//! the browsers printed (the paste, quoted console lines, header values)
//! is shown as code: their data, not translated.

use crate::harness::Lab;
use crate::language::{assert_no_english, english_words, html_lang_until};

/// Latin-script names a zh-TW explanation may use outside code, besides
/// `language::KEPT_IN_LATIN`: products, and web terms Taiwanese developers
/// write in Latin letters.
const ALSO_KEPT: &[&str] = &[
    "CSP",
    "ORB",
    "CORB",
    "CORP",
    "iframe",
    "canvas",
    "axios",
    "WebSocket",
    "Opera",
    "iPhone",
    "iPad",
    "ESR",
    "DOM",
    // The presenter toggle's keyboard shortcut (Alt+P, in its title).
    "Alt",
    "P",
];

/// Real console messages, one (or a few lines) per kind of problem the
/// explainer reads.
const MESSAGES: &[&str] = &[
    // Chrome: each CORS check.
    "Access to fetch at 'https://api.example.com/v1/orders?page=2' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
    "Access to fetch at 'http://localhost:3000/api/users' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "GET https://api.example.com/items net::ERR_FAILED 404 (Not Found)\nAccess to fetch at 'https://api.example.com/items' from origin 'https://shop.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nUncaught (in promise) TypeError: Failed to fetch",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://shop.example.com/' that is not equal to the supplied origin. Have the server send the header with a valid value.",
    "Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'http://www.shop.example.com:8443' that is not equal to the supplied origin.",
    "Access to fetch at 'https://api.example.com/me' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://Shop.example.com' that is not equal to the supplied origin.",
    "Access to fetch at 'http://localhost:8082/cors' (redirected from 'http://localhost:8081/cors') from origin 'http://localhost:8080' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin.",
    "Access to XMLHttpRequest at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'. The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute.",
    "Access to fetch at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'.",
    "Access to fetch at 'https://api.example.com/cart' from origin 'https://shop.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains multiple values 'https://a.example, https://b.example', but only one is allowed. Have the server send the header with a valid value.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value 'shop.example.com'. Have the server send the header with a valid value.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header contains the invalid value '*.example.com'.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: Redirect is not allowed for a preflight request.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Method patch is not allowed by Access-Control-Allow-Methods in preflight response.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field Authorization is not allowed by Access-Control-Allow-Headers in preflight response.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field content-type is not allowed by Access-Control-Allow-Headers in preflight response.",
    "Access to fetch at 'https://api.example.com/' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field access-control-allow-origin is not allowed by Access-Control-Allow-Headers in preflight response.",
    "Access to fetch at 'https://api.example.com/x' from origin 'https://shop.example.com' has been blocked by CORS policy: Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
    "Access to font at 'https://fonts.example.com/a.woff2' from origin 'https://shop.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "Access to script at 'http://localhost:8081/widget.js' from origin 'http://localhost:8080' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "Access to image at 'https://cdn.example.com/a.png' from origin 'https://shop.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "Access to fetch at 'http://localhost:8081/users.json' from origin 'null' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    "Access to fetch at 'https://a.example/' from origin 'https://b.example' has been blocked by CORS policy: Something new happened.",
    "Access to XMLHttpRequest at 'file:///C:/site/data.json' from origin 'null' has been blocked by CORS policy: Cross origin requests are only supported for protocol schemes: http, data, isolated-app, chrome-extension, chrome, https, chrome-untrusted.",
    "Access to fetch at 'http://192.168.1.20:8080/api' from origin 'https://shop.example.com' has been blocked by CORS policy: The request client is not a secure context and the resource is in more-private address space `local`.",
    "Access to fetch at 'http://localhost:3000/' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request targeting the `local` address space.",
    "Access to fetch at 'http://localhost:3000/' from origin 'http://192.168.1.5:8080' has been blocked by CORS policy: Permission was denied for this request to access the `loopback` address space.",
    "Access to fetch at 'https://a.example/x' from origin 'https://b.example' has been blocked by CORS policy: Redirect location 'https://user:pw@c.example/' contains a username and password, which is disallowed for cross-origin requests.",
    "Access to fetch at 'https://a.example/x' from origin 'https://b.example' has been blocked by CORS policy: Cross origin requests are not allowed by request mode.",
    "Access to fetch at 'https://a.example/x' from origin 'https://b.example' has been blocked by CORS policy: The response is invalid.",
    "Fetch API cannot load https://api.example.com/x. Request mode is \"same-origin\" but the URL's origin is not same as the request origin https://shop.example.com.",
    "Fetch API cannot load https://api.example.com/x. Request mode is \"no-cors\" but the redirect mode is not \"follow\".",
    // Firefox.
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v2/items. (Reason: CORS header \u{2018}Access-Control-Allow-Origin\u{2019} missing). Status code: 404.",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: header \u{2018}x-api-key\u{2019} is not allowed according to header \u{2018}Access-Control-Allow-Headers\u{2019} from CORS preflight response).\nCross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: CORS request did not succeed). Status code: (null).",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: Did not find method in CORS header \u{2018}Access-Control-Allow-Methods\u{2019}).",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: CORS header \u{2018}Access-Control-Allow-Origin\u{2019} does not match \u{2018}https://other.example\u{2019}).",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at http://localhost:3000/api. (Reason: CORS request did not succeed). Status code: (null).",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at file:///tmp/a.json. (Reason: CORS request not HTTP).",
    "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/x. (Reason: CORS disabled).",
    "Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at http://localhost:8081/cors soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).",
    // Firefox in Traditional Chinese: an invalid token (captured; these two
    // keys spell their colons full-width), CORS switched off and the
    // `Authorization` warning (from the language pack).
    "已封鎖跨來源請求：同源政策不允許讀取 https://api.example.com/x 的遠端資源。（原因：CORS「Access-Control-Allow-Methods」檔頭中的 token「PUT DELETE」無效）。\n已封鎖跨來源請求: 同源政策不允許讀取 https://api.example.com/x 的遠端資源。（原因: CORS 請求未成功）。狀態代碼: (null)。",
    "已封鎖跨來源請求：同源政策不允許讀取 https://api.example.com/x 的遠端資源。（原因：CORS「Access-Control-Allow-Headers」檔頭中的 token「x-custom x-other」無效）。",
    "已封鎖跨來源請求: 同源政策不允許讀取 https://api.example.com/x 的遠端資源。（原因: 已停用 CORS）。",
    "跨來源請求警告：同源政策即將不允許讀取位於 http://localhost:8081/cors 的遠端資源。（原因:「Access-Control-Allow-Headers」為「*」時，還不包含「Authorization」標頭。若要包含「Authorization」標頭，必須在「Access-Control-Allow-Headers」當中明確列出）。",
    // Safari.
    "[Error] Preflight response is not successful. Status code: 401\n[Error] Fetch API cannot load https://api.example.com/orders due to access control checks.",
    "[Error] Origin https://shop.example.com is not allowed by Access-Control-Allow-Origin. Status code: 200\n[Error] Fetch API cannot load https://api.example.com/orders due to access control checks.",
    "Fetch API cannot load https://api.example.com/x due to access control checks.",
    "[Error] Credentials flag is true, but Access-Control-Allow-Credentials is not \"true\".\n[Error] Fetch API cannot load https://api.example.com/cart due to access control checks.",
    // JavaScript's view, Chrome's network line, no answer at all.
    "TypeError: Failed to fetch",
    "TypeError: NetworkError when attempting to fetch resource.",
    "GET https://api.example.com/x net::ERR_FAILED 200 (OK)",
    "GET http://localhost:3000/api net::ERR_CONNECTION_REFUSED",
    "GET https://intranet.example/api net::ERR_NAME_NOT_RESOLVED",
    "GET https://self-signed.example/api net::ERR_CERT_AUTHORITY_INVALID",
    // Not CORS.
    "Refused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".",
    "Mixed Content: The page at 'https://shop.example.com/' was loaded over HTTPS, but requested an insecure resource 'http://api.example.com/x'. This request has been blocked; the content must be served over HTTPS.",
    "GET https://api.example.com/x net::ERR_BLOCKED_BY_ORB 200 (OK)",
    "GET https://ads.example.com/ads.js net::ERR_BLOCKED_BY_CLIENT",
    "GET https://cdn.example.com/a.png net::ERR_BLOCKED_BY_RESPONSE.NotSameOrigin 200",
    "Uncaught SecurityError: Failed to read a named property 'document' from 'Window': Blocked a frame with origin \"https://a.example\" from accessing a cross-origin frame.",
    "Uncaught DOMException: Failed to execute 'getImageData' on 'CanvasRenderingContext2D': The canvas has been tainted by cross-origin data.",
    "SyntaxError: Unexpected end of JSON input",
    "Failed to load resource: the server responded with a status of 500 (Internal Server Error)",
    "WebSocket connection to 'wss://api.example.com/socket' failed:",
    // Several messages: the others are listed.
    "Access to fetch at 'http://localhost:3000/api/users' from origin 'http://localhost:5173' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\nRefused to connect to 'https://api.example.com/data' because it violates the following Content Security Policy directive: \"connect-src 'self'\".\nAccess to fetch at 'https://api.example.com/v1/orders?page=2' from origin 'https://shop.example.com' has been blocked by CORS policy: Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.",
    // What it cannot read.
    "my api is broken, please help",
    "CORS is broken, the origin is wrong",
];

/// Puts `text` in the explainer's field as a paste would (one input event).
async fn paste(lab: &Lab, text: &str) {
    lab.client
        .execute(
            "const el = document.querySelector('[data-testid=\"explain-input\"]'); \
             el.value = arguments[0]; \
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::Value::String(text.to_owned())],
        )
        .await
        .expect("paste");
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_kind_of_message_is_explained_in_traditional_chinese() {
    let lab = Lab::start().await;
    lab.open("/explain?lang=zh-TW").await;
    html_lang_until(&lab, "zh-TW").await;
    lab.text_until("explain-headline", has_cjk).await;
    assert_no_english(&lab, "/explain before a paste", ALSO_KEPT).await;

    let mut left = Vec::new();
    for message in MESSAGES {
        // From the empty page each time, so the answer read is this paste's.
        lab.click("explain-clear").await;
        lab.text_until("explain-headline", |t| t.contains("貼上一則主控台訊息"))
            .await;
        paste(&lab, message).await;
        lab.text_until("explain-headline", |t| {
            has_cjk(t) && !t.contains("貼上一則主控台訊息")
        })
        .await;
        let words = english_words(&lab, ALSO_KEPT).await;
        if !words.is_empty() {
            left.push(format!("{message:?}: {words:?}"));
        }
    }
    assert!(
        left.is_empty(),
        "English left on /explain in zh-TW:\n{}",
        left.join("\n")
    );
    lab.screenshot("explain-zh-TW").await;
}
