import { normalizePhone } from '../../platform/phone.ts';
import type { ColumnSpec } from './imports.columns.ts';
import type { BuildContext, BuiltRow } from './imports.mapping.ts';
import { type Options, type RowReader, salesChannelOptions } from './imports.values.ts';

/**
 * The `sales` kind: one row = one sold unit (retailers' and e-commerce sales). The row's codes are
 * resolved here (brand, category by code or name, installing outlet); matching the customer by phone
 * and the product by serial or order line happens while writing (modules/sales), so rows of the same
 * file see each other.
 */

const n = (zh: string, en: string) => ({ 'zh-CN': zh, 'en-US': en });
const DATE = n('例如 2026-03-01', 'e.g. 2026-03-01');

export const SALES_COLUMNS: readonly ColumnSpec[] = [
  { key: 'brandCode', zh: '品牌编码', en: 'brandCode', required: true, text: true, note: n('', '') },
  {
    key: 'customerName',
    zh: '客户姓名',
    en: 'customerName',
    aliases: ['顾客姓名', '用户姓名', '客户名称', '姓名'],
    required: true,
    note: n('', ''),
  },
  {
    key: 'phones',
    zh: '联系电话',
    en: 'phones',
    aliases: ['电话', '手机', '手机号', '客户电话', 'phone'],
    required: true,
    text: true,
    note: n(
      '手机或带区号的固话，多个用 ; 分隔；按电话匹配已有客户',
      'mobile or landline with area code, several separated by ;; an existing customer is matched by phone',
    ),
  },
  {
    key: 'divisionCode',
    zh: '行政区划代码',
    en: 'divisionCode',
    aliases: ['区划代码'],
    text: true,
    note: n('6 位区县或 9 位乡镇街道代码；与详细地址同时填写', '6- or 9-digit division code; give it with the address'),
  },
  { key: 'address', zh: '详细地址', en: 'address', aliases: ['地址', '安装地址'], note: n('', '') },
  {
    key: 'categoryCode',
    zh: '品类',
    en: 'categoryCode',
    aliases: ['品类编码', '产品品类'],
    required: true,
    note: n('品牌的品类编码或名称，例如 空调', "one of the brand's category codes or names"),
  },
  { key: 'modelCode', zh: '型号', en: 'modelCode', aliases: ['型号编码', '机型'], text: true, note: n('', '') },
  {
    key: 'serial',
    zh: '机身条码',
    en: 'serial',
    aliases: ['序列号', '条码', '机号', 'SN', 'serialNo'],
    text: true,
    note: n(
      '品牌内唯一；无条码时须填写外部订单号和行号',
      'unique within the brand; without it give the external order no and line no',
    ),
  },
  { key: 'purchaseDate', zh: '购买日期', en: 'purchaseDate', aliases: ['购机日期', '销售日期'], note: DATE },
  {
    key: 'hasInvoice',
    zh: '有无发票',
    en: 'hasInvoice',
    aliases: ['发票', '是否有发票', 'invoice'],
    note: n('是 / 否，默认否', 'yes / no, default no'),
  },
  {
    key: 'channel',
    zh: '销售渠道',
    en: 'channel',
    aliases: ['渠道'],
    note: n('门店 / 电商 / 经销商 / 工程 / 其他', 'store / ecommerce / dealer / project / other'),
  },
  { key: 'store', zh: '门店名称', en: 'store', aliases: ['门店', '销售门店', '店铺', 'storeName'], note: n('', '') },
  { key: 'deliveryDate', zh: '送货日期', en: 'deliveryDate', aliases: ['配送日期', '发货日期'], note: DATE },
  { key: 'installationDate', zh: '安装日期', en: 'installationDate', note: DATE },
  {
    key: 'outletCode',
    zh: '安装网点编码',
    en: 'outletCode',
    aliases: ['网点编码', '安装网点'],
    text: true,
    note: n('可选；须为服务该品牌的网点', 'optional; an outlet serving the brand'),
  },
  {
    key: 'orderNo',
    zh: '外部订单号',
    en: 'orderNo',
    aliases: ['订单号', '订单编号', 'externalOrderNo'],
    text: true,
    note: n('零售商的订单号', "the retailer's order number"),
  },
  {
    key: 'lineNo',
    zh: '订单行号',
    en: 'lineNo',
    aliases: ['行号'],
    text: true,
    note: n('与订单号一起标识一台机器', 'with the order no, identifies the unit'),
  },
];

export const SALES_EXAMPLE: Record<string, string> = {
  brandCode: 'BRAND1',
  customerName: '王伟',
  phones: '13812341234;021-58881234',
  divisionCode: '310115004',
  address: '上海市浦东新区潍坊路100弄5号301室',
  categoryCode: '空调',
  modelCode: 'KFR-35GW/BpR3',
  serial: 'SN2026030100001',
  purchaseDate: '2026-03-01',
  hasInvoice: '是',
  channel: '电商',
  store: '京东自营旗舰店',
  deliveryDate: '2026-03-03',
  installationDate: '2026-03-04',
  outletCode: 'SH-PD-001',
  orderNo: 'JD2026030112345',
  lineNo: '1',
};

export const CHANNEL_OPTIONS: Options = salesChannelOptions;
export const CHANNEL_LABELS = '门店/store, 电商/ecommerce, 经销商/dealer, 工程/project, 其他/other';
const DIVISION = /^\d{6}(\d{3})?$/;

/** Marks a repeat, within the file, of a unit's serial or order line. */
function once(r: RowReader, ctx: BuildContext, column: string, key: string, value: string) {
  if (!ctx.seen || ctx.row === undefined) return;
  const first = ctx.seen.get(key);
  if (first !== undefined) r.fail(column, 'IMPORT_DUPLICATE_VALUE', { value, row: first });
  else ctx.seen.set(key, ctx.row);
}

export function buildSale(r: RowReader, ctx: BuildContext): BuiltRow {
  const { resolver } = ctx;
  const brandCode = r.text('brandCode');
  let brandId: string | undefined;
  if (brandCode) {
    brandId = resolver.brand(brandCode) ?? undefined;
    if (!brandId) r.fail('brandCode', 'IMPORT_UNKNOWN_BRAND', { value: brandCode });
  }

  const phones = r.list('phones');
  for (const phone of phones) if (!normalizePhone(phone)) r.fail('phones', 'IMPORT_INVALID_PHONE', { value: phone });

  const token = r.text('categoryCode');
  let categoryCode: string | undefined;
  if (token && brandId) {
    categoryCode = resolver.category([brandId], token) ?? undefined;
    if (!categoryCode) r.fail('categoryCode', 'IMPORT_UNKNOWN_CATEGORY', { value: token });
  } else if (token) categoryCode = 'unchecked'; // the brand column reports the row

  const divisionCode = r.text('divisionCode');
  if (divisionCode && DIVISION.test(divisionCode) && !resolver.division(divisionCode))
    r.fail('divisionCode', 'IMPORT_UNKNOWN_DIVISION', { value: divisionCode });
  const address = r.text('address');
  if (address && !divisionCode && !r.hasFailed('divisionCode')) r.fail('divisionCode', 'IMPORT_ADDRESS_INCOMPLETE');
  if (divisionCode && !address && !r.hasFailed('address')) r.fail('address', 'IMPORT_ADDRESS_INCOMPLETE');

  const outletCode = r.text('outletCode');
  let installingOutletId: string | undefined;
  if (outletCode) {
    const outlet = resolver.outlet(outletCode);
    if (outlet && brandId && outlet.brandIds.includes(brandId)) installingOutletId = outlet.id;
    else if (!outlet || brandId) r.fail('outletCode', 'IMPORT_UNKNOWN_OUTLET', { value: outletCode });
  }

  const serial = r.text('serial')?.toUpperCase();
  const orderNo = r.text('orderNo');
  const lineNo = r.text('lineNo');
  if (orderNo && !lineNo && !r.hasFailed('lineNo')) r.fail('lineNo', 'IMPORT_REQUIRED');
  if (lineNo && !orderNo && !r.hasFailed('orderNo')) r.fail('orderNo', 'IMPORT_REQUIRED');
  if (!serial && !orderNo && !lineNo && !r.hasFailed('serial')) r.fail('serial', 'IMPORT_SERIAL_OR_ORDER');
  if (brandId && serial) once(r, ctx, 'serial', `serial:${brandId}:${serial}`, serial);
  if (brandId && orderNo && lineNo)
    once(r, ctx, 'lineNo', `order:${brandId}:${orderNo}#${lineNo}`, `${orderNo} / ${lineNo}`);

  return {
    input: {
      brandId,
      customerName: r.text('customerName'),
      phones,
      divisionCode,
      address,
      categoryCode,
      modelCode: r.text('modelCode'),
      serial,
      purchaseDate: r.date('purchaseDate'),
      hasInvoice: r.yesNo('hasInvoice'),
      channel: r.option('channel', CHANNEL_OPTIONS, CHANNEL_LABELS),
      store: r.text('store'),
      deliveryDate: r.date('deliveryDate'),
      installationDate: r.date('installationDate'),
      installingOutletId,
      orderNo,
      lineNo,
    },
    code: undefined,
    brandId: brandId ?? null,
  };
}
