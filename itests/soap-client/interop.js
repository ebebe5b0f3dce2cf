// An independent SOAP client for Titrate: the npm `soap` package reads the served WSDLs (1.1 and 1.2), builds the envelopes,
// the SOAPAction and the WS-Security header itself, and calls CustomerService with every way an integrator signs in and
// in UTF-8 and GBK. SoapProtocolsIT runs it against the booted distribution and checks what it stored over REST.
//
// Input (environment, so that no password shows in a process list): TITRATE_URL, TITRATE_USER, TITRATE_PASSWORD,
// TITRATE_SOAP_KEY, TITRATE_RUN (unique per test run). Output: one JSON object per line and case on stdout.
'use strict';
const soap = require('soap');
const iconv = require('iconv-lite');

const base = process.env.TITRATE_URL;
const user = process.env.TITRATE_USER;
const password = process.env.TITRATE_PASSWORD;
const soapKey = process.env.TITRATE_SOAP_KEY;
const run = process.env.TITRATE_RUN;

/** Sends the envelope soap built as GBK bytes under a declaration that says so, with no charset in Content-Type. */
class GbkHttpClient extends soap.HttpClient {
  buildRequest(rurl, data, exheaders, exoptions) {
    const options = super.buildRequest(rurl, data, exheaders, exoptions);
    if (typeof data === 'string') {
      const declared = '<?xml version="1.0" encoding="GBK"?>' + data.replace(/^<\?xml[^>]*\?>/, '');
      options.data = iconv.encode(declared, 'gbk');
      options.headers['Content-Length'] = options.data.length;
      options.headers['Content-Type'] = options.headers['Content-Type'].replace(/;\s*charset=[^;]*/i, '');
    }
    return options;
  }
}

function security(auth, secret) {
  if (auth === 'Basic') {
    return new soap.BasicAuthSecurity(user, secret);
  }
  return new soap.WSSecurity(user, secret, {
    passwordType: auth === 'UsernameToken digest' ? 'PasswordDigest' : 'PasswordText',
    hasNonce: true,
    hasTimeStamp: false,
    mustUnderstand: true,
  });
}

async function client(version, charset, auth, secret) {
  const path = version === '1.2' ? '/soap12/CustomerService' : '/soap/CustomerService';
  const options = { forceSoap12Headers: version === '1.2' };
  if (charset === 'GBK') {
    options.httpClient = new GbkHttpClient();
  }
  const c = await soap.createClientAsync(base + path + '?wsdl', options);
  c.setSecurity(security(auth, secret));
  return c;
}

/** What a fault said: its code's local name, the HTTP status and the problem's status in the detail. */
function fault(e) {
  const body = e && e.root && e.root.Envelope && e.root.Envelope.Body && e.root.Envelope.Body.Fault;
  let code = '';
  if (body) {
    code = String(body.faultcode || (body.Code && body.Code.Value) || '');
  }
  const text = e && e.response && typeof e.response.data === 'string' ? e.response.data : '';
  const status = /<status>(\d+)<\/status>/.exec(text);
  return { code: code.replace(/^.*:/, ''), http: e && e.response ? e.response.status : 0, problem: status ? Number(status[1]) : 0 };
}

async function one(version, charset, auth) {
  const secret = auth === 'UsernameToken digest' ? soapKey : password;
  const code = 'NI' + version.replace('.', '') + charset.replace('-', '') + { Basic: 'B', 'UsernameToken text': 'T', 'UsernameToken digest': 'D' }[auth]
    + '-' + run;
  const name = '浙江新安化工集团股份有限公司 ' + run;
  const result = { version, auth, charset, code, name, steps: [] };
  try {
    const c = await client(version, charset, auth, secret);
    await c.saveCustomerAsync({ customer: { code, name, status: 'ACTIVE', channel: 'WHOLESALE', contactName: '王建国' } });
    result.steps.push('saveCustomer');
    const [got] = await c.getCustomerAsync({ code });
    const read = got && got.customer ? got.customer : got;
    if (!read || read.name !== name || read.contactName !== '王建国') {
      throw new Error('getCustomer answered ' + JSON.stringify(got));
    }
    result.steps.push('getCustomer');
    try {
      await c.getCustomerAsync({ code: 'NOPE-' + run });
      throw new Error('no fault for an unknown customer');
    } catch (e) {
      const f = fault(e);
      const expected = version === '1.2' ? { code: 'Sender', http: 400 } : { code: 'Client', http: 500 };
      if (f.code !== expected.code || f.http !== expected.http || f.problem !== 404) {
        throw new Error('unknown customer: ' + JSON.stringify(f) + ' ' + (e.message || ''));
      }
    }
    result.steps.push('fault ' + (version === '1.2' ? 'Sender/400' : 'Client/500'));
    const wrong = await client(version, charset, auth, secret + 'x');
    try {
      await wrong.getCustomerAsync({ code });
      throw new Error('a wrong ' + (auth === 'UsernameToken digest' ? 'key' : 'password') + ' was accepted');
    } catch (e) {
      if (fault(e).http !== 401) {
        throw new Error('wrong secret: ' + JSON.stringify(fault(e)) + ' ' + (e.message || ''));
      }
    }
    result.steps.push('wrong secret 401');
    result.ok = true;
  } catch (e) {
    result.ok = false;
    result.error = String(e && e.message ? e.message : e).slice(0, 500);
  }
  return result;
}

(async () => {
  for (const version of ['1.1', '1.2']) {
    for (const auth of ['Basic', 'UsernameToken text', 'UsernameToken digest']) {
      for (const charset of ['UTF-8', 'GBK']) {
        process.stdout.write(JSON.stringify(await one(version, charset, auth)) + '\n');
      }
    }
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(2);
});
